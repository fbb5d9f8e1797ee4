package io.herald.user.users;

import io.herald.kit.input.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/users}. Formats are checked here; that categories and channels
 * exist and that each chosen channel has its contact field is checked by {@link UserRules}.
 */
record NewUser(
        @NotBlank @Size(max = 200) @PlainText String name,
        @Size(max = 254) @Pattern(regexp = UserRules.EMAIL, message = "must be an e-mail address") String email,
        @Pattern(regexp = UserRules.E164, message = "must be an E.164 phone number, e.g. +14155550123") String phone,
        @Size(max = 4096) @Pattern(regexp = "\\S+", message = "must be a non-blank token without spaces") String deviceToken,
        List<String> categories,
        List<String> channels) {
}
