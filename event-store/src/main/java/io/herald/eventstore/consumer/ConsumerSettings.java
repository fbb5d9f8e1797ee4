package io.herald.eventstore.consumer;

import io.herald.eventstore.StreamKeys;
import java.time.Duration;
import java.util.Objects;

/**
 * How one consumer reads one stream.
 *
 * @param stream the stream key
 * @param group the consumer group (created with {@code MKSTREAM} from the stream's start if missing)
 * @param consumer this consumer's name, unique in the group; a restarted process that keeps its
 *     name takes its own pending entries back at once
 * @param batchSize entries per read ({@code COUNT}) and per completion round trip
 * @param concurrency handlers running at once for this consumer
 * @param block how long a read waits for new entries ({@code BLOCK}); must be below the client's
 *     command timeout
 * @param handlerTimeout an entry without a result this long after its batch was read is a failed
 *     attempt (one timer per batch)
 * @param claimIdle pending entries idle longer than this are taken from other consumers
 * @param claimInterval how often to look for such entries
 * @param maxAttempts attempts before an entry is dead-lettered
 * @param initialBackoff delay before the first retry; doubles per attempt, with jitter
 * @param maxBackoff the largest retry delay
 * @param deadLetterStream where entries go after {@code maxAttempts}, or at once when malformed
 * @param settleSlice finished entries of a batch settled together as soon as this many are finished,
 *     without waiting for the rest of the batch (at most {@code batchSize}); 0 settles the whole batch
 *     once all its entries are finished
 * @param settleInterval the longest a finished entry waits for its slice to fill before it is settled
 *     with whatever else is finished (only with a {@code settleSlice})
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return changed copies.
 */
public record ConsumerSettings(String stream, String group, String consumer, int batchSize, int concurrency,
                               Duration block, Duration handlerTimeout, Duration claimIdle, Duration claimInterval,
                               int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                               String deadLetterStream, int settleSlice, Duration settleInterval) {

    public ConsumerSettings {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(deadLetterStream, "deadLetterStream");
        Objects.requireNonNull(settleInterval, "settleInterval");
        if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize, concurrency and maxAttempts must be positive");
        }
        if (settleSlice < 0 || (settleSlice > 0 && (settleInterval.isZero() || settleInterval.isNegative()))) {
            throw new IllegalArgumentException("settleSlice must be 0 or positive with a positive settleInterval");
        }
    }

    /** The defaults of {@link ConsumerTuning}, dead letters in {@code dlq:<stream>}. */
    public static ConsumerSettings defaults(String stream, String group, String consumer) {
        return of(stream, group, consumer, ConsumerTuning.DEFAULTS);
    }

    /** A consumer tuned as {@code tuning} says (a service's configuration), dead letters in {@code dlq:<stream>}. */
    public static ConsumerSettings of(String stream, String group, String consumer, ConsumerTuning tuning) {
        return new ConsumerSettings(stream, group, consumer, tuning.batchSize(), tuning.concurrency(), tuning.block(),
                tuning.handlerTimeout(), tuning.claimIdle(), tuning.claimInterval(), tuning.maxAttempts(),
                tuning.initialBackoff(), tuning.maxBackoff(), StreamKeys.deadLetters(stream), tuning.settleSlice(),
                tuning.settleInterval());
    }

    public ConsumerSettings withBatchSize(int value) {
        return new ConsumerSettings(stream, group, consumer, value, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream, settleSlice, settleInterval);
    }

    public ConsumerSettings withConcurrency(int value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, value, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream, settleSlice, settleInterval);
    }

    public ConsumerSettings withBlock(Duration value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, value, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream, settleSlice, settleInterval);
    }

    public ConsumerSettings withHandlerTimeout(Duration value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, value, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream, settleSlice, settleInterval);
    }

    public ConsumerSettings withClaim(Duration idle, Duration interval) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, handlerTimeout, idle,
                interval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream, settleSlice, settleInterval);
    }

    public ConsumerSettings withRetries(int attempts, Duration initial, Duration max) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, attempts, initial, max, deadLetterStream, settleSlice, settleInterval);
    }

    public ConsumerSettings withDeadLetterStream(String value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, value, settleSlice, settleInterval);
    }

    public ConsumerSettings withSettling(int slice, Duration interval) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream, slice, interval);
    }

    /**
     * Finished entries settled per completion round trip: {@code settleSlice}, or the whole batch
     * when it is 0 or not smaller.
     */
    public int sliceSize() {
        return settleSlice == 0 ? batchSize : Math.min(settleSlice, batchSize);
    }

    public ConsumerSettings withConsumer(String value) {
        return new ConsumerSettings(stream, group, value, batchSize, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream, settleSlice, settleInterval);
    }
}
