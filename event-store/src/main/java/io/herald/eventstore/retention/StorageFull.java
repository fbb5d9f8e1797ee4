package io.herald.eventstore.retention;

import io.lettuce.core.RedisCommandExecutionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import reactor.util.retry.Retry;

/**
 * Redis at its {@code maxmemory} with {@code noeviction}: it refuses every command that could
 * grow memory with an {@code OOM} error and still serves reads and deletions. Nothing it refused
 * was done (a refused script did not start), so the same command may simply be sent again once
 * memory is freed. Thread-safe.
 */
public final class StorageFull {

    /** How long a caller should wait before trying a refused write again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Duration LOG_EVERY = Duration.ofSeconds(30);

    private StorageFull() {
    }

    /** Whether {@code error}, or one of its causes, is Redis refusing a write for lack of memory. */
    public static boolean is(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RedisCommandExecutionException && t.getMessage() != null
                    && t.getMessage().startsWith("OOM")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Retries a refused write with backoff (100 ms up to {@link #RETRY_AFTER}) for as long as
     * {@code keepTrying} holds, logging at most one warning per 30 s, naming {@code what}. Other
     * errors pass through.
     */
    public static Retry untilFreed(Logger log, String what, BooleanSupplier keepTrying) {
        AtomicLong lastLog = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        return Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(RETRY_AFTER)
                .filter(e -> is(e) && keepTrying.getAsBoolean())
                .doBeforeRetry(signal -> {
                    long count = refused.incrementAndGet();
                    long now = System.nanoTime();
                    long last = lastLog.get();
                    if (last == 0 || now - last >= LOG_EVERY.toNanos()) {
                        lastLog.set(now);
                        log.warn("Redis is full (maxmemory, noeviction): {} waits for memory to be freed"
                                + " ({} refusals so far): {}", what, count, signal.failure().getMessage());
                    }
                });
    }
}
