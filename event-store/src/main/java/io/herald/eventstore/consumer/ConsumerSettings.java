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
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return changed copies.
 */
public record ConsumerSettings(String stream, String group, String consumer, int batchSize, int concurrency,
                               Duration block, Duration handlerTimeout, Duration claimIdle, Duration claimInterval,
                               int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                               String deadLetterStream) {

    public ConsumerSettings {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(deadLetterStream, "deadLetterStream");
        if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize, concurrency and maxAttempts must be positive");
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
                tuning.initialBackoff(), tuning.maxBackoff(), StreamKeys.deadLetters(stream));
    }

    public ConsumerSettings withBatchSize(int value) {
        return new ConsumerSettings(stream, group, consumer, value, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream);
    }

    public ConsumerSettings withConcurrency(int value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, value, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream);
    }

    public ConsumerSettings withBlock(Duration value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, value, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream);
    }

    public ConsumerSettings withHandlerTimeout(Duration value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, value, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream);
    }

    public ConsumerSettings withClaim(Duration idle, Duration interval) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, handlerTimeout, idle,
                interval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream);
    }

    public ConsumerSettings withRetries(int attempts, Duration initial, Duration max) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, attempts, initial, max, deadLetterStream);
    }

    public ConsumerSettings withDeadLetterStream(String value) {
        return new ConsumerSettings(stream, group, consumer, batchSize, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, value);
    }

    public ConsumerSettings withConsumer(String value) {
        return new ConsumerSettings(stream, group, value, batchSize, concurrency, block, handlerTimeout, claimIdle,
                claimInterval, maxAttempts, initialBackoff, maxBackoff, deadLetterStream);
    }
}
