package io.herald.eventstore.consumer;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The work done for each entry of a stream. Called from Reactor threads: it must not block (run
 * blocking I/O on a bounded elastic scheduler). It may be called again for the same entry after a
 * crash, a timeout or a claim, so the work must tolerate repetition (at-least-once).
 */
@FunctionalInterface
public interface EntryHandler {

    /**
     * Does the work of one entry. A completion means success; the entry is acknowledged as the
     * completion says. An error means the attempt failed: the entry is retried with backoff, or
     * dead-lettered at once for a {@link io.herald.eventstore.MalformedEntryException}.
     */
    Mono<Completion> handle(StreamEntry entry);

    /**
     * How to settle an entry that goes to the dead letters (after its attempts, or malformed). The
     * default acknowledges only; a handler that counts outcomes records it here.
     */
    default Completion onDeadLetter(StreamEntry entry, Throwable error) {
        return Completion.ack();
    }

    /** This handler run over a batch, {@code concurrency} entries at a time. */
    default BatchHandler perBatch(int concurrency) {
        EntryHandler self = this;
        return new BatchHandler() {
            @Override
            public Flux<Handled> handle(List<StreamEntry> entries) {
                return Flux.fromIterable(entries).flatMap(entry -> Mono.defer(() -> self.handle(entry))
                        .map(completion -> Handled.done(entry, completion))
                        .switchIfEmpty(Mono.fromSupplier(() -> Handled.failed(entry,
                                new IllegalStateException("handler completed without a completion"))))
                        .onErrorResume(error -> Mono.just(Handled.failed(entry, error))), concurrency);
            }

            @Override
            public Completion onDeadLetter(StreamEntry entry, Throwable error) {
                return self.onDeadLetter(entry, error);
            }
        };
    }
}
