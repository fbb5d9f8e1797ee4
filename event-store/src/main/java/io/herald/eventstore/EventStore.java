package io.herald.eventstore;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends events to streams. An append completes when Redis has the entry; batches are sent
 * pipelined (all commands written before any reply is awaited) and keep their order.
 *
 * <p>A stream may be given an approximate length cap: after appends the stream is trimmed
 * toward the cap, but never past an entry that a consumer group has not acknowledged or not yet
 * read (see {@code trim.lua}); a stream without groups is never trimmed. Thread-safe.
 */
public final class EventStore {

    private static final LuaScript TRIM = LuaScript.fromClasspath("io/herald/eventstore/trim.lua");
    private static final int TRIM_EVERY_SINGLE_APPENDS = 100;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Map<String, Long> caps;
    private final Map<String, AtomicLong> appendsSinceTrim = new ConcurrentHashMap<>();

    /**
     * @param caps approximate maximum length per stream key; streams not named are not trimmed
     */
    public EventStore(RedisClusterReactiveCommands<String, String> redis, Map<String, Long> caps) {
        this.redis = redis;
        this.caps = Map.copyOf(caps);
    }

    public EventStore(RedisClusterReactiveCommands<String, String> redis) {
        this(redis, Map.of());
    }

    /** Appends one event; emits the entry id Redis assigned. */
    public Mono<String> append(String stream, EventEnvelope event) {
        return redis.xadd(stream, event.toFields())
                .flatMap(id -> trimIfDue(stream, 1).thenReturn(id));
    }

    /** Appends events in order, pipelined; emits their entry ids in the same order. */
    public Mono<List<String>> appendAll(String stream, List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Mono.just(List.of());
        }
        return Flux.fromIterable(events)
                .flatMapSequential(event -> redis.xadd(stream, event.toFields()), events.size())
                .collectList()
                .flatMap(ids -> trimIfDue(stream, TRIM_EVERY_SINGLE_APPENDS).thenReturn(ids));
    }

    /**
     * Trims {@code stream} toward its cap now, never past unacknowledged or unread entries.
     * Emits the number of entries removed.
     */
    public Mono<Long> trim(String stream) {
        Long cap = caps.get(stream);
        if (cap == null || cap <= 0) {
            return Mono.just(0L);
        }
        return TRIM.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {stream}, Long.toString(cap)).next();
    }

    private Mono<Long> trimIfDue(String stream, int weight) {
        if (!caps.containsKey(stream)) {
            return Mono.empty();
        }
        long count = appendsSinceTrim.computeIfAbsent(stream, s -> new AtomicLong()).addAndGet(weight);
        if (count < TRIM_EVERY_SINGLE_APPENDS) {
            return Mono.empty();
        }
        appendsSinceTrim.get(stream).set(0);
        return trim(stream);
    }

    public RedisClusterReactiveCommands<String, String> redis() {
        return redis;
    }
}
