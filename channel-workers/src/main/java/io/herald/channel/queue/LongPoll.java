package io.herald.channel.queue;

import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fetch with {@code wait}: when nothing is available, sleeps until a message is published or
 * requeued (a {@link QueueSignals} wake-up), or the earliest lease of the queue runs out, or the
 * wait ends — then tries again. No polling loop: each retry follows an event or a timer.
 */
@Component
final class LongPoll {

    private final QueueStore store;
    private final QueueSignals signals;

    LongPoll(QueueStore store, QueueSignals signals) {
        this.store = store;
        this.signals = signals;
    }

    /** The deliveries of one fetch request; an empty list when the wait ended without a message. */
    Mono<List<Delivery>> fetch(String queue, FetchRequest request) {
        if (request.longPoll().isZero()) {
            return store.fetch(queue, request.max(), request.visibilityTimeout()).map(QueueStore.Fetched::deliveries);
        }
        long endNanos = System.nanoTime() + request.longPoll().toNanos();
        return signals.watch(queue).then(Mono.defer(() -> attempt(queue, request, endNanos)));
    }

    private Mono<List<Delivery>> attempt(String queue, FetchRequest request, long endNanos) {
        long seen = signals.version(queue);
        return store.fetch(queue, request.max(), request.visibilityTimeout()).flatMap(fetched -> {
            long leftNanos = endNanos - System.nanoTime();
            if (!fetched.deliveries().isEmpty() || leftNanos <= 0) {
                return Mono.just(fetched.deliveries());
            }
            Duration pause = Duration.ofNanos(leftNanos);
            if (fetched.millisUntilNextExpiry() >= 0) {
                Duration untilExpiry = Duration.ofMillis(Math.max(1, fetched.millisUntilNextExpiry()));
                pause = untilExpiry.compareTo(pause) < 0 ? untilExpiry : pause;
            }
            return Mono.firstWithSignal(signals.after(queue, seen), Mono.delay(pause).then())
                    .then(Mono.defer(() -> attempt(queue, request, endNanos)));
        });
    }
}
