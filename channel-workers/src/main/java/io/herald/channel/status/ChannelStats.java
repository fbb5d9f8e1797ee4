package io.herald.channel.status;

import io.herald.channel.delivery.ChannelsProperties;
import io.herald.channel.delivery.WorkerProperties;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.util.HashMap;
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

    private final RedisReactiveCommands<String, String> redis;
    private final ChannelsProperties channels;
    private final String group;

    ChannelStats(RedisConnections connections, ChannelsProperties channels, WorkerProperties workers) {
        this.redis = connections.commands();
        this.channels = channels;
        this.group = workers.group();
    }

    Mono<List<ChannelStatus>> all() {
        return Flux.fromIterable(channels.channels()).flatMapSequential(this::channel).collectList();
    }

    Mono<ChannelStatus> channel(String channel) {
        return Mono.zip(redis.xlen(StreamKeys.deadLetters(channel)),
                        Flux.fromIterable(channels.streams(channel)).flatMapSequential(this::stream).collectList())
                .map(t -> ChannelStatus.of(channel, t.getT1(), t.getT2()));
    }

    private Mono<StreamStatus> stream(String stream) {
        return Mono.zip(redis.xlen(stream), groupInfo(stream), redis.hgetall(StreamKeys.channelTotals(stream))
                        .collectMap(KeyValue::getKey, KeyValue::getValue))
                .map(t -> {
                    long length = t.getT1();
                    Map<String, Object> info = t.getT2();
                    Map<String, String> totals = t.getT3();
                    Long lag = info.isEmpty() ? Long.valueOf(length) : (Long) info.get("lag");
                    return new StreamStatus(stream, length, lag, number(info.get("pending")),
                            number(info.get("consumers")), count(totals, "delivered"), count(totals, "failed"),
                            count(totals, "deadLettered"), count(totals, "cancelled"),
                            count(totals, "skipped"));
                });
    }

    /** The workers' group as a field map; empty when the stream or the group does not exist yet. */
    private Mono<Map<String, Object>> groupInfo(String stream) {
        return redis.xinfoGroups(stream)
                .map(ChannelStats::fields)
                .filter(fields -> group.equals(fields.get("name")))
                .next()
                .onErrorResume(e -> e.getMessage() != null && e.getMessage().contains("no such key"),
                        e -> Mono.empty())
                .defaultIfEmpty(Map.of());
    }

    private static Map<String, Object> fields(Object group) {
        List<?> flat = (List<?>) group;
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return fields;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static long count(Map<String, String> totals, String field) {
        String value = totals.get(field);
        return value == null ? 0L : Long.parseLong(value);
    }
}
