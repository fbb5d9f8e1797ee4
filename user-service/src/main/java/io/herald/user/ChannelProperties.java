package io.herald.user;

import io.herald.eventstore.StreamKeys;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The channels of this deployment ({@code herald.channels}, shared with the other services) and
 * which contact field of a user each needs.
 *
 * @param channels channel names users may choose
 * @param channelPartitions P, as in the other services: a user's bulk notifications go to the
 *     partition {@code StreamKeys.partitionOf(userId, P)} (read by the notification history)
 */
@ConfigurationProperties("herald")
public record ChannelProperties(List<String> channels, Integer channelPartitions) {

    /** Contact field a channel needs; a channel added by a deployment and not named here needs none. */
    private static final Map<String, String> CONTACT_FIELDS = Map.of("email", "email", "sms", "phone", "push", "deviceToken");

    public ChannelProperties {
        channels = channels == null || channels.isEmpty() ? List.of("email", "sms", "push") : List.copyOf(channels);
        channelPartitions = channelPartitions == null ? 1 : channelPartitions;
        if (channelPartitions < 1) {
            throw new IllegalArgumentException("herald.channel-partitions must be at least 1");
        }
    }

    /** The streams a user's notifications on {@code channel} go to: its bulk partition and the priority lane. */
    public List<String> streamsOf(String userId, String channel) {
        int partitions = channelPartitions;
        return List.of(StreamKeys.notify(channel, StreamKeys.partitionOf(userId, partitions), partitions),
                StreamKeys.priority(channel));
    }

    /** The user field ({@code email}, {@code phone}, {@code deviceToken}) that {@code channel} needs, or null. */
    public String contactField(String channel) {
        return CONTACT_FIELDS.get(channel);
    }
}
