package io.herald.eventstore.retention;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.Periodic;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Trims streams group-aware, every {@code interval}: removes the entries every consumer group of
 * the stream has acknowledged, never one that a group still has pending or has not read yet
 * ({@code trim.lua}: one call per stream, so each touches one Cluster slot). A stream without
 * groups, or without one of the groups its {@link TrimmedStreams} names, is left alone. Several instances may trim the same stream: each call is atomic and the
 * second finds nothing more to remove.
 *
 * <p>Meters: {@code herald.retention.trimmed} (entries removed, per stream) and
 * {@code herald.retention.backlog} (entries still held for some group after the last pass, all
 * streams). Thread-safe; {@link #start()} once, {@link #close()} stops it.
 */
public final class StreamTrimmer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamTrimmer.class);
    private static final LuaScript TRIM = LuaScript.fromClasspath("io/herald/eventstore/trim.lua");

    /** What one pass over one stream did. */
    public record Trimmed(String stream, long removed, long left) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private final List<String> streams;
    private final Map<String, String[]> groups = new java.util.HashMap<>();
    private final Duration interval;
    private final MeterRegistry registry;
    private final Map<String, Long> left = new ConcurrentHashMap<>();
    private final Map<String, Counter> trimmed = new ConcurrentHashMap<>();
    private volatile Disposable ticks;

    public StreamTrimmer(RedisClusterReactiveCommands<String, String> redis, List<TrimmedStreams> declared,
                         Duration interval, MeterRegistry registry) {
        Set<String> all = new LinkedHashSet<>();
        for (TrimmedStreams d : declared) {
            all.addAll(d.streams());
            d.streams().forEach(s -> groups.merge(s, d.groups().toArray(String[]::new), StreamTrimmer::union));
        }
        this.redis = redis;
        this.streams = List.copyOf(all);
        this.interval = interval;
        this.registry = registry;
        Gauge.builder("herald.retention.backlog", left, m -> m.values().stream().mapToLong(Long::longValue).sum())
                .description("stream entries kept because some consumer group has not acknowledged them yet")
                .register(registry);
    }

    /** The streams this trimmer looks after. */
    public List<String> streams() {
        return streams;
    }

    /** Entries held for some group after the last pass, all streams together. */
    public long backlog() {
        return left.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Trims one stream now; emits what it removed and what is left. */
    public Mono<Trimmed> trim(String stream) {
        return TRIM.runForList(redis, new String[] {stream}, groups.getOrDefault(stream, new String[0]))
                .map(reply -> new Trimmed(stream, (Long) reply.get(0), (Long) reply.get(1)))
                .doOnNext(this::record);
    }

    /** One pass over every stream, one after the other; completes when all are trimmed. */
    public Mono<List<Trimmed>> trimAll() {
        return Flux.fromIterable(streams).concatMap(this::trim).collectList();
    }

    private static String[] union(String[] a, String[] b) {
        Set<String> both = new LinkedHashSet<>(List.of(a));
        both.addAll(List.of(b));
        return both.toArray(String[]::new);
    }

    private void record(Trimmed result) {
        left.put(result.stream(), result.left());
        if (result.removed() > 0) {
            trimmed.computeIfAbsent(result.stream(), s -> Counter.builder("herald.retention.trimmed")
                    .description("stream entries removed after every consumer group acknowledged them")
                    .tag("stream", s).register(registry)).increment(result.removed());
        }
    }

    /** Starts trimming every {@code interval} in the background. */
    public synchronized void start() {
        if (ticks != null || streams.isEmpty()) {
            return;
        }
        // a full Redis still accepts XTRIM (it frees memory); anything else is tried again next tick
        ticks = Periodic.every(interval, interval, this::trimAll, log, "trimming " + streams);
    }

    @Override
    public synchronized void close() {
        if (ticks != null) {
            ticks.dispose();
            ticks = null;
        }
    }
}
