package io.herald.notification.render;

import java.util.List;

/**
 * One person to notify, as user-service describes a recipient in {@code user_audience_resolved}
 * (and as notification-service reads a user for a transactional notification).
 *
 * @param channels the channels the person has chosen; never null after construction
 */
public record Recipient(String userId, String name, String email, String phone, String deviceToken,
                        List<String> channels) {

    public Recipient {
        channels = channels == null ? List.of() : channels;
    }

    /**
     * The address of this recipient on {@code channel}: e-mail address, phone number or device
     * token; for a channel a deployment adds, the user id (its sender resolves the address).
     * Null or blank when the recipient has none.
     */
    public String addressFor(String channel) {
        return switch (channel) {
            case "email" -> email;
            case "sms" -> phone;
            case "push" -> deviceToken;
            default -> userId;
        };
    }

    /** Whether the recipient has a non-blank address on {@code channel}. */
    public boolean reachableOn(String channel) {
        String address = addressFor(channel);
        return address != null && !address.isBlank();
    }
}
