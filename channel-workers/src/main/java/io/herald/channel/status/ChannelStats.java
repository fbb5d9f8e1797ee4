package io.herald.channel.status;

import io.herald.channel.ChannelKeys;
import io.herald.eventstore.Channels;
import io.herald.channel.delivery.WorkerProperties;
import io.herald.eventstore.GroupInfo;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the state of the channel streams: per stream {@code XLEN}, {@code XINFO GROUPS} and the
 * running totals hash ({@code channel-totals:{<stream>}}, counted by the completion step together
 * with each campaign's progress, so it is exact under redelivery), all sent pipelined.
 */
@Component
class ChannelStats {

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Channels channels;
    private final String group;

    ChannelStats(RedisConnections connections, Channels channels, WorkerProperties workers) {
        this.redis = connections.commands();
        this.channels = channels;
        this.group = workers.group();
    }

    Mono<List<ChannelStatus>> all() {
        return Flux.fromIterable(channels.names()).flatMapSequential(this::channel).collectList();
    }

    Mono<ChannelStatus> channel(String channel) {
        return Mono.zip(redis.xlen(StreamKeys.deadLetters(channel)),
                        Flux.fromIterable(channels.streams(channel)).flatMapSequential(this::stream).collectList())
                .map(t -> ChannelStatus.of(channel, t.getT1(), t.getT2()));
    }

    private Mono<StreamStatus> stream(String stream) {
        return Mono.zip(redis.xlen(stream), groupInfo(stream), redis.hgetall(ChannelKeys.channelTotals(stream))
                        .collectMap(KeyValue::getKey, KeyValue::getValue))
                .map(t -> {
                    long length = t.getT1();
                    Map<String, Object> info = t.getT2();
                    Map<String, String> totals = t.getT3();
                    Long lag = info.isEmpty() ? Long.valueOf(length) : (Long) info.get("lag");
                    return new StreamStatus(stream, length, lag, number(info.get("pending")),
                            number(info.get("consumers")), count(totals, "delivered"), count(totals, "failed"),
                            count(totals, "deadLettered"), count(totals, "cancelled"));
                });
    }

    /** The workers' group as a field map; empty when the stream or the group does not exist yet. */
    private Mono<Map<String, Object>> groupInfo(String stream) {
        return GroupInfo.of(redis, stream, group).defaultIfEmpty(Map.of());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static long count(Map<String, String> totals, String field) {
        String value = totals.get(field);
        return value == null ? 0L : Long.parseLong(value);
    }
}
