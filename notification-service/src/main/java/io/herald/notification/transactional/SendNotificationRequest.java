package io.herald.notification.transactional;

import io.herald.kit.input.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code POST /api/v1/notifications}: one notification to one user, ahead of campaign traffic.
 *
 * @param userId the user, as user-service knows them
 * @param subject e-mail subject / push title; placeholders such as {@code {{name}}} allowed
 * @param message the text; placeholders allowed
 * @param channels where to send it; omitted or empty = every channel the user has chosen
 */
record SendNotificationRequest(
        @NotBlank @Size(max = 128) @Pattern(regexp = "[^:\\s]+", message = "must not contain ':' or whitespace")
        String userId,
        @NotBlank @Size(max = 998) @PlainText String subject,
        @NotBlank @Size(max = 100_000) String message,
        @Size(max = 16) List<@NotBlank String> channels) {

    SendNotificationRequest {
        channels = channels == null ? List.of() : channels;
    }
}
