package io.herald.eventstore;

import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to streams. An append completes when Redis has the entry; batches are sent
 * pipelined (all commands written before any reply is awaited) and keep their order.
 *
 * <p>Appending never trims: streams are trimmed group-aware, apart from the write path, by
 * {@link io.herald.eventstore.retention.StreamTrimmer}. Thread-safe.
 */
public final class EventStore {

    private final RedisClusterReactiveCommands<String, String> redis;

    public EventStore(RedisClusterReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Appends one event; emits the entry id Redis assigned. */
    public Mono<String> append(String stream, EventEnvelope event) {
        return redis.xadd(stream, event.toFields());
    }

    /** Appends events in order, pipelined; emits their entry ids in the same order. */
    public Mono<List<String>> appendAll(String stream, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Mono.just(List.of());
        }
        return Flux.fromIterable(events)
                .flatMapSequential(event -> redis.xadd(stream, event.toFields()), events.size())
                .collectList();
    }

    public RedisClusterReactiveCommands<String, String> redis() {
        return redis;
    }
}
