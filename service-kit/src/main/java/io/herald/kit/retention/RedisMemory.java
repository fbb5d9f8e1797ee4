package io.herald.kit.retention;

import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Redis memory as {@code INFO memory} reports it (on a cluster: the node that answers), sampled by
 * {@link #sample()} and published as the gauges {@code herald.redis.memory.used} and
 * {@code herald.redis.memory.max} (bytes; max 0 = no limit). Thread-safe.
 */
public final class RedisMemory {

    /** Policies under which Redis drops keys when full: stream entries would vanish unacknowledged. */
    static final Set<String> EVICTING = Set.of("allkeys-lru", "allkeys-lfu", "allkeys-random",
            "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl");

    /** One sample. */
    public record Sample(long used, long max, String policy) {

        static final Sample UNKNOWN = new Sample(-1, -1, "unknown");

        boolean evicting() {
            return EVICTING.contains(policy);
        }
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private volatile Sample last = Sample.UNKNOWN;

    RedisMemory(RedisClusterReactiveCommands<String, String> redis, MeterRegistry registry) {
        this.redis = redis;
        Gauge.builder("herald.redis.memory.used", this, m -> m.last.used())
                .description("bytes Redis uses (used_memory)").baseUnit("bytes").register(registry);
        Gauge.builder("herald.redis.memory.max", this, m -> m.last.max())
                .description("Redis maxmemory in bytes, 0 = no limit").baseUnit("bytes").register(registry);
    }

    /** Reads {@code INFO memory} now; emits and keeps the sample. */
    public Mono<Sample> sample() {
        return redis.info("memory").map(RedisMemory::parse).doOnNext(sample -> last = sample);
    }

    /** The last sample taken; used and max are -1 before the first. */
    public Sample last() {
        return last;
    }

    static Sample parse(String info) {
        Map<String, String> fields = new java.util.HashMap<>();
        info.lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        });
        return new Sample(Long.parseLong(fields.getOrDefault("used_memory", "-1")),
                Long.parseLong(fields.getOrDefault("maxmemory", "-1")),
                fields.getOrDefault("maxmemory_policy", "unknown"));
    }
}
