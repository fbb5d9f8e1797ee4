package io.herald.campaign.keys;

import io.herald.kit.input.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/v1/keys}: what the key is for and what it may do. */
record NewApiKey(@NotBlank @Size(max = 100) @PlainText String name,
                 @NotEmpty @Size(max = 10) List<String> scopes) {
}
