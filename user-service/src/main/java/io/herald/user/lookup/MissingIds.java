package io.herald.user.lookup;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The user ids the e-mail index walk found without a user, and since when: an id reserved but not
 * written yet is waited for up to a grace period, an id missing for longer (deleted, or lost by an
 * interrupted seed) is passed. Every missing id is timed from the walk that first met it, so a run
 * of gaps is passed after one grace period, not one grace period per gap. Thread-safe.
 */
final class MissingIds {

    private final Map<Long, Long> since = new ConcurrentHashMap<>();
    private final long graceNanos;
    private final LongSupplier nanoClock;

    MissingIds(Duration grace, LongSupplier nanoClock) {
        this.graceNanos = grace.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The missing ids above {@code done} and up to {@code upTo}, in order: those a walk looks at again. */
    List<Long> between(long done, long upTo) {
        return since.keySet().stream().filter(id -> id > done && id <= upTo).sorted().toList();
    }

    /**
     * Records the ids a walk of {@code (done, highest]} found missing (those not listed were found
     * or are below the cursor) and returns where the cursor may move: before the first id missing
     * for less than the grace period, else {@code highest}.
     */
    long cursor(long done, long highest, Collection<Long> missing) {
        long now = nanoClock.getAsLong();
        Set<Long> stillMissing = new HashSet<>(missing);
        since.keySet().removeIf(id -> id <= done || !stillMissing.contains(id));
        long cursor = highest;
        for (long id : missing) {
            long first = since.computeIfAbsent(id, x -> now);
            if (now - first < graceNanos && id - 1 < cursor) {
                cursor = id - 1;
            }
        }
        return cursor;
    }
}
