package io.herald.eventstore.consumer;

import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The work done for a whole batch of entries at once, for handlers that gain from seeing the
 * batch (one provider call for many messages, one lookup for many keys). Same contract as
 * {@link EntryHandler} otherwise: called from Reactor threads, must not block, must tolerate
 * repetition (at-least-once).
 *
 * <p>The runtime waits for the returned flux up to the consumer's {@code handlerTimeout}, counted
 * from the start of the batch; an entry with no {@link Handled} by then, or when the flux ends, is
 * a failed attempt (retried, then dead-lettered), as is every entry of a batch whose flux errors.
 */
@FunctionalInterface
public interface BatchHandler {

    /** Does the work of the entries; emits one {@link Handled} per entry, in any order. */
    Flux<Handled> handle(List<StreamEntry> entries);

    /** As {@link EntryHandler#onDeadLetter}. */
    default Completion onDeadLetter(StreamEntry entry, Throwable error) {
        return Completion.ack();
    }
}
