package io.herald.channel.delivery;

import io.herald.eventstore.StreamKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The channels of this deployment; must match notification-service's and campaign-service's.
 *
 * @param channels channel names; each needs a {@link ChannelSender} bean
 * @param channelPartitions P: the bulk stream of a channel is split into P partitions
 */
@ConfigurationProperties("herald")
public record ChannelsProperties(@DefaultValue({"email", "sms", "push"}) List<String> channels,
                                 @DefaultValue("1") int channelPartitions) {

    public ChannelsProperties {
        channels = List.copyOf(channels);
        if (channelPartitions < 1) {
            throw new IllegalArgumentException("herald.channel-partitions must be at least 1");
        }
    }

    /** The bulk streams of a channel: {@code notify:<channel>}, or one per partition. */
    public List<String> bulkStreams(String channel) {
        List<String> streams = new ArrayList<>(channelPartitions);
        for (int partition = 0; partition < channelPartitions; partition++) {
            streams.add(StreamKeys.notify(channel, partition, channelPartitions));
        }
        return streams;
    }

    /** Every stream workers read for a channel: its priority lane first, then its bulk streams. */
    public List<String> streams(String channel) {
        List<String> streams = new ArrayList<>(channelPartitions + 1);
        streams.add(StreamKeys.priority(channel));
        streams.addAll(bulkStreams(channel));
        return streams;
    }

    public boolean known(String channel) {
        return channels.contains(channel);
    }
}
