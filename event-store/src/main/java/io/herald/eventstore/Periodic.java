package io.herald.eventstore;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work repeated at a fixed pace: one run at a time (a slow run delays the next, ticks in
 * between are dropped), a failed run logged as a warning and tried again at the next tick.
 */
public final class Periodic {

    private Periodic() {
    }

    /**
     * Runs {@code work} after {@code first}, then every {@code interval}, until the returned
     * {@link Disposable} is disposed.
     */
    public static Disposable every(Duration first, Duration interval, Supplier<Mono<?>> work, Logger log, String what) {
        return Flux.interval(first, interval)
                .onBackpressureDrop()
                .concatMap(n -> Mono.defer(work).then().onErrorResume(e -> {
                    log.warn("{} failed, next try in {}: {}", what, interval, e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }
}
