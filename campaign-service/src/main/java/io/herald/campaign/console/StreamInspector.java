package io.herald.campaign.console;

import io.herald.eventstore.RedisConnections;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the state of one stream, read-only, with single-key commands only ({@code XLEN},
 * {@code XRANGE}/{@code XREVRANGE}, {@code XINFO GROUPS/CONSUMERS}, {@code XPENDING}), sent
 * concurrently on the shared connection so that Lettuce pipelines them. Cluster-safe: each
 * command names one key. Thread-safe.
 */
@Component
class StreamInspector {

    /** A stream at a glance. {@code firstId}/{@code lastId} are null when it is empty. */
    record StreamSummary(String stream, long length, String firstId, String lastId, List<GroupSummary> groups) {
    }

    /** A consumer group; {@code lag} is null when Redis cannot tell (Redis 7 after deletions). */
    record GroupSummary(String name, long consumers, long pending, String lastDeliveredId, Long lag) {
    }

    /** A consumer of a group and how long it has been idle. */
    record ConsumerSummary(String name, long pending, long idleMs) {
    }

    /** An entry with its fields as stored ({@code event}, {@code data}, {@code id}, …). */
    record Entry(String id, Map<String, String> fields) {
    }

    /** A group's consumers and a stream's newest entries. */
    record StreamDetail(StreamSummary summary, Map<String, List<ConsumerSummary>> consumers, List<Entry> newest) {
    }

    /** One pending entry of a group: read by {@code consumer}, not acknowledged. */
    record PendingEntry(String id, String consumer, long idleMs, long deliveries) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;

    StreamInspector(RedisConnections connections) {
        this.redis = connections.commands();
    }

    Mono<StreamSummary> summary(String stream) {
        return Mono.zip(redis.xlen(stream),
                        redis.xrange(stream, Range.unbounded(), Limit.create(0, 1)).map(StreamMessage::getId)
                                .next().defaultIfEmpty(""),
                        redis.xrevrange(stream, Range.unbounded(), Limit.create(0, 1)).map(StreamMessage::getId)
                                .next().defaultIfEmpty(""),
                        groups(stream))
                .map(t -> new StreamSummary(stream, t.getT1(), blankToNull(t.getT2()), blankToNull(t.getT3()), t.getT4()));
    }

    /** The summary, each group's consumers and the newest {@code count} entries, newest first. */
    Mono<StreamDetail> detail(String stream, int count) {
        return summary(stream).flatMap(summary -> Mono.zip(
                Flux.fromIterable(summary.groups())
                        .flatMapSequential(group -> consumers(stream, group.name()).map(list -> Map.entry(group.name(), list)))
                        .collectMap(Map.Entry::getKey, Map.Entry::getValue, java.util.LinkedHashMap::new),
                redis.xrevrange(stream, Range.unbounded(), Limit.create(0, count))
                        .map(message -> new Entry(message.getId(), message.getBody())).collectList())
                .map(t -> new StreamDetail(summary, t.getT1(), t.getT2())));
    }

    /** The oldest {@code count} pending entries of a group, with their delivery counts. */
    Flux<PendingEntry> pending(String stream, String group, int count) {
        return redis.xpending(stream, group, Range.unbounded(), Limit.create(0, count))
                .map(p -> new PendingEntry(p.getId(), p.getConsumer(), p.getMsSinceLastDelivery(),
                        p.getRedeliveryCount()));
    }

    private Mono<List<GroupSummary>> groups(String stream) {
        return redis.xinfoGroups(stream)
                .map(StreamInspector::fields)
                .map(f -> new GroupSummary(String.valueOf(f.get("name")), number(f.get("consumers")),
                        number(f.get("pending")), String.valueOf(f.get("last-delivered-id")),
                        f.get("lag") instanceof Number lag ? lag.longValue() : null))
                .collectList()
                .onErrorResume(StreamInspector::noSuchKey, e -> Mono.just(List.of()));
    }

    private Mono<List<ConsumerSummary>> consumers(String stream, String group) {
        return redis.xinfoConsumers(stream, group)
                .map(StreamInspector::fields)
                .map(f -> new ConsumerSummary(String.valueOf(f.get("name")), number(f.get("pending")),
                        number(f.get("idle"))))
                .collectList()
                .onErrorResume(StreamInspector::noSuchKey, e -> Mono.just(List.of()));
    }

    /** XINFO answers flat name/value lists. */
    private static Map<String, Object> fields(Object reply) {
        List<?> flat = (List<?>) reply;
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return fields;
    }

    private static boolean noSuchKey(Throwable e) {
        String message = e.getMessage();
        return message != null && (message.contains("no such key") || message.contains("NOGROUP"));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0L;
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
