package io.herald.eventstore.consumer;

import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * One pending timer that fires at the earliest retry this process knows of, so that waiting for
 * retries costs no Redis commands. Thread-safe.
 */
final class RetryTimer {

    private final Supplier<Mono<Void>> onDue;
    private Disposable timer;
    private long dueMillis = Long.MAX_VALUE;

    RetryTimer(Supplier<Mono<Void>> onDue) {
        this.onDue = onDue;
    }

    /** Makes sure the timer fires no later than {@code dueMillis} (epoch ms). */
    synchronized void schedule(long dueMillis) {
        if (timer != null && !timer.isDisposed() && this.dueMillis <= dueMillis) {
            return;
        }
        if (timer != null) {
            timer.dispose();
        }
        this.dueMillis = dueMillis;
        long delay = Math.max(0, dueMillis - System.currentTimeMillis());
        timer = Mono.delay(Duration.ofMillis(delay))
                .then(Mono.defer(this::fire))
                .subscribe(ignored -> { }, error -> schedule(System.currentTimeMillis() + 1000));
    }

    private Mono<Void> fire() {
        synchronized (this) {
            dueMillis = Long.MAX_VALUE;
            timer = null;
        }
        return onDue.get();
    }

    synchronized void cancel() {
        if (timer != null) {
            timer.dispose();
            timer = null;
        }
    }
}
