package io.herald.eventstore.consumer;

import java.util.Objects;

/**
 * What to do when an entry's work is done. Every completion acknowledges the entry; a
 * {@link Recorded} completion also records an outcome under an idempotency key and counts it,
 * all in one Lua step with the {@code XACK}: an entry delivered twice is acknowledged twice but
 * recorded and counted once.
 *
 * <p>Keys of a {@code Recorded} completion must share the stream's hash tag
 * ({@link io.herald.eventstore.StreamKeys#delivered}, {@link io.herald.eventstore.StreamKeys#progress}).
 *
 * <p>The acknowledgement happens only after the handler's {@code Mono} emitted the completion,
 * together with the rest of its batch; until then the entry stays pending and may be delivered
 * again (at-least-once). Completions are immutable and thread-safe.
 */
public sealed interface Completion {

    /** Acknowledge only. */
    static Completion ack() {
        return Ack.INSTANCE;
    }

    /**
     * Record {@code field → value} in hash {@code recordKey} unless the field is already there, and
     * if it was not, add 1 to {@code counterField} of hash {@code counterKey}.
     */
    static Completion record(String recordKey, String field, String value, String counterKey, String counterField) {
        return new Recorded(recordKey, field, value, counterKey, counterField, null, null);
    }

    /**
     * Like {@link #record(String, String, String, String, String)}, and if the outcome is new also
     * adds 1 to {@code counterField} of a second hash {@code totalsKey} (e.g. running totals of a
     * whole stream next to a campaign's counters), in the same atomic step.
     */
    static Completion record(String recordKey, String field, String value, String counterKey, String counterField,
                             String totalsKey) {
        return new Recorded(recordKey, field, value, counterKey, counterField, totalsKey, null);
    }

    /**
     * Like {@link #record(String, String, String, String, String, String)}, and if the outcome is
     * new also adds {@code member} (score 0, so ordered by its bytes) to the sorted set
     * {@code indexKey}, which expires at {@code indexExpiresAt} (epoch seconds) — a time-bucketed
     * index that ages out by itself.
     */
    static Completion record(String recordKey, String field, String value, String counterKey, String counterField,
                             String totalsKey, String indexKey, String member, long indexExpiresAt) {
        return new Recorded(recordKey, field, value, counterKey, counterField, totalsKey,
                new Index(indexKey, member, indexExpiresAt));
    }

    /** Acknowledge only. */
    enum Ack implements Completion { INSTANCE }

    /** A member added to a lexicographic index with a new outcome (see {@link #record}). */
    record Index(String key, String member, long expiresAtEpochSecond) {

        public Index {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * @param counterKey the counter hash, or {@code null} to record without counting
     * @param counterField the counter, or {@code null} with {@code counterKey}
     * @param totalsKey a second hash counting {@code counterField}, or {@code null}
     * @param index an index entry added with a new outcome, or {@code null}
     */
    record Recorded(String recordKey, String field, String value, String counterKey, String counterField,
                    String totalsKey, Index index) implements Completion {

        public Recorded {
            Objects.requireNonNull(recordKey, "recordKey");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (counterKey != null && counterField == null) {
                throw new IllegalArgumentException("a counter key needs a counter field");
            }
        }

        public Recorded(String recordKey, String field, String value, String counterKey, String counterField) {
            this(recordKey, field, value, counterKey, counterField, null, null);
        }
    }
}
