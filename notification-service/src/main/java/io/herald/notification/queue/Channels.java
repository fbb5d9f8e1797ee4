package io.herald.notification.queue;

import io.herald.eventstore.StreamKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The channels this deployment delivers on and how their bulk streams are split; must match
 * channel-workers and campaign-service (docs/design.md).
 *
 * @param channels channel names, e.g. {@code email, sms, push}; a notification for any other channel is not queued
 * @param channelPartitions P: each channel's bulk stream is split into P partition streams by a hash
 *     of the user id; 1 keeps the single stream {@code notify:<channel>}
 */
@ConfigurationProperties("herald")
public record Channels(List<String> channels, int channelPartitions) {

    public Channels {
        channels = channels == null ? List.of("email", "sms", "push") : List.copyOf(channels);
        channelPartitions = Math.max(1, channelPartitions);
    }

    public boolean supports(String channel) {
        return channels.contains(channel);
    }

    /** The bulk stream that carries {@code userId}'s notifications on {@code channel}. */
    public String bulkStream(String channel, String userId) {
        return StreamKeys.notify(channel, StreamKeys.partitionOf(userId, channelPartitions), channelPartitions);
    }

    /** Every bulk stream of {@code channel}, by partition number. */
    public List<String> bulkStreams(String channel) {
        List<String> streams = new ArrayList<>(channelPartitions);
        for (int p = 0; p < channelPartitions; p++) {
            streams.add(StreamKeys.notify(channel, p, channelPartitions));
        }
        return streams;
    }

    /** The stream a notification went to: the priority lane for a transactional one, else its bulk partition. */
    public String streamOf(NotificationId id) {
        return id.isTransactional() ? StreamKeys.priority(id.channel()) : bulkStream(id.channel(), id.userId());
    }
}
