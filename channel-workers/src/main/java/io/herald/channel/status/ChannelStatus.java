package io.herald.channel.status;

import java.util.List;

/**
 * One channel: the sums over its streams (priority lane and bulk partitions), the dead letters
 * waiting in {@code dlq:<channel>}, and each stream.
 */
record ChannelStatus(String channel, long length, Long lag, long pending, long consumers, long delivered,
                     long failed, long deadLettered, long cancelled, long skipped, long deadLetters,
                     List<StreamStatus> streams) {

    static ChannelStatus of(String channel, long deadLetters, List<StreamStatus> streams) {
        Long lag = streams.stream().anyMatch(s -> s.lag() == null) ? null
                : streams.stream().mapToLong(StreamStatus::lag).sum();
        return new ChannelStatus(channel, streams.stream().mapToLong(StreamStatus::length).sum(), lag,
                streams.stream().mapToLong(StreamStatus::pending).sum(),
                streams.stream().mapToLong(StreamStatus::consumers).sum(),
                streams.stream().mapToLong(StreamStatus::delivered).sum(),
                streams.stream().mapToLong(StreamStatus::failed).sum(),
                streams.stream().mapToLong(StreamStatus::deadLettered).sum(),
                streams.stream().mapToLong(StreamStatus::cancelled).sum(),
                streams.stream().mapToLong(StreamStatus::skipped).sum(), deadLetters, streams);
    }
}
