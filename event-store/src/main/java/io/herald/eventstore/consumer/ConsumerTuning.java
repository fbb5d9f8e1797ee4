package io.herald.eventstore.consumer;

import java.time.Duration;

/**
 * How a consumer reads and retries, apart from what it reads: the knobs of {@link ConsumerSettings}
 * that a service configures. A service's {@code @ConfigurationProperties} record implements it
 * with components of the same names, so that its settings are bound once and handed over whole
 * ({@link ConsumerSettings#of}); a knob the record does not have keeps the default below.
 */
public interface ConsumerTuning {

    /** Every knob at its default. */
    ConsumerTuning DEFAULTS = new ConsumerTuning() {
    };

    /** Entries per read ({@code COUNT}) and per completion round trip: 100. */
    default int batchSize() {
        return 100;
    }

    /** Handlers running at once: 16. */
    default int concurrency() {
        return 16;
    }

    /** How long a read waits for new entries ({@code BLOCK}): 2 s. */
    default Duration block() {
        return Duration.ofSeconds(2);
    }

    /** An entry without a result this long after its batch was read is a failed attempt: 30 s. */
    default Duration handlerTimeout() {
        return Duration.ofSeconds(30);
    }

    /** Pending entries idle longer than this are taken from other consumers: 60 s. */
    default Duration claimIdle() {
        return Duration.ofSeconds(60);
    }

    /** How often to look for such entries: 30 s. */
    default Duration claimInterval() {
        return Duration.ofSeconds(30);
    }

    /** Attempts before an entry is dead-lettered: 5. */
    default int maxAttempts() {
        return 5;
    }

    /** Delay before the first retry, doubling per attempt: 1 s. */
    default Duration initialBackoff() {
        return Duration.ofSeconds(1);
    }

    /** The largest retry delay: 5 min. */
    default Duration maxBackoff() {
        return Duration.ofMinutes(5);
    }

    /**
     * Finished entries settled together before the rest of their batch is done: 0, the whole batch
     * at its end (one completion round trip per batch). A positive slice bounds the work repeated
     * after a crash to the entries in flight and the last unsettled slice, for a round trip per slice.
     */
    default int settleSlice() {
        return 0;
    }

    /** The longest a finished entry waits for its slice to fill (with a {@link #settleSlice()}): 100 ms. */
    default Duration settleInterval() {
        return Duration.ofMillis(100);
    }
}
