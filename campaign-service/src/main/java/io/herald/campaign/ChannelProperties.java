package io.herald.campaign;

import io.herald.eventstore.StreamKeys;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channels of this deployment, shared with notification-service and channel-workers
 * (docs/design.md): {@code herald.channels} and {@code herald.channel-partitions}.
 *
 * @param channels the known channel names; a campaign may name only these
 * @param channelPartitions P: each channel stream is split into P partitions when P > 1
 */
@ConfigurationProperties("herald")
public record ChannelProperties(@DefaultValue({"email", "sms", "push"}) List<String> channels,
                                @DefaultValue("1") int channelPartitions) {

    public ChannelProperties {
        channels = List.copyOf(channels);
        if (channelPartitions < 1) {
            throw new IllegalArgumentException("herald.channel-partitions must be at least 1");
        }
    }

    public boolean knows(String channel) {
        return channels.contains(channel);
    }

    /** The bulk stream keys of one channel: one per partition. */
    public List<String> streamsOf(String channel) {
        return IntStream.range(0, channelPartitions)
                .mapToObj(p -> StreamKeys.notify(channel, p, channelPartitions))
                .toList();
    }
}
