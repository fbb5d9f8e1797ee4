package io.herald.user;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The channels of this deployment ({@code herald.channels}, shared with the other services) and
 * which contact field of a user each needs.
 *
 * @param channels channel names users may choose
 */
@ConfigurationProperties("herald")
public record ChannelProperties(List<String> channels) {

    /** Contact field a channel needs; a channel added by a deployment and not named here needs none. */
    private static final Map<String, String> CONTACT_FIELDS = Map.of("email", "email", "sms", "phone", "push", "deviceToken");

    public ChannelProperties {
        channels = channels == null || channels.isEmpty() ? List.of("email", "sms", "push") : List.copyOf(channels);
    }

    /** The user field ({@code email}, {@code phone}, {@code deviceToken}) that {@code channel} needs, or null. */
    public String contactField(String channel) {
        return CONTACT_FIELDS.get(channel);
    }
}
