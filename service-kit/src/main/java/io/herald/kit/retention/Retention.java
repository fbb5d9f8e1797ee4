package io.herald.kit.retention;

import io.herald.eventstore.Periodic;
import io.herald.eventstore.retention.StreamTrimmer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Runs the service's {@link StreamTrimmer} and samples Redis memory every interval, from start-up to
 * shutdown. At start-up it warns, once, when Redis would evict keys when full (Herald needs
 * {@code noeviction}: an evicted stream or record is lost work) or has no memory limit.
 */
final class Retention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final StreamTrimmer trimmer;
    private final RedisMemory memory;
    private final Duration interval;
    private volatile Disposable sampling;

    Retention(StreamTrimmer trimmer, RedisMemory memory, Duration interval) {
        this.trimmer = trimmer;
        this.memory = memory;
        this.interval = interval;
    }

    @Override
    public void start() {
        memory.sample().doOnNext(Retention::warnIfUnsafe)
                .onErrorResume(e -> Mono.empty()).subscribe();
        trimmer.start();
        sampling = Periodic.every(interval, interval, memory::sample, log, "sampling Redis memory");
    }

    private static void warnIfUnsafe(RedisMemory.Sample sample) {
        if (sample.evicting()) {
            log.warn("Redis uses maxmemory-policy {}: when full it evicts keys, which silently drops stream"
                    + " entries and outcome records. Set maxmemory-policy noeviction (docs/design.md §9).",
                    sample.policy());
        } else if (sample.max() == 0) {
            log.warn("Redis has no maxmemory: when the machine runs out of memory Redis is killed instead of"
                    + " refusing writes. Set maxmemory with maxmemory-policy noeviction (docs/design.md §9).");
        }
    }

    @Override
    public void stop() {
        trimmer.close();
        Disposable running = sampling;
        if (running != null) {
            running.dispose();
            sampling = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sampling != null;
    }
}
