package io.herald.eventstore.consumer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The time spent settling one batch's slices (one at a time), the slice being settled included:
 * the batch's handler timer does not run during it, since the handler may be held back meanwhile.
 * Thread-safe.
 */
final class SettlingClock {

    private static final long IDLE = Long.MIN_VALUE;

    private final AtomicLong done = new AtomicLong();
    private volatile long since = IDLE;

    void started() {
        since = System.nanoTime();
    }

    void finished() {
        long from = since;
        since = IDLE;
        if (from != IDLE) {
            done.addAndGet(System.nanoTime() - from);
        }
    }

    /** Nanoseconds spent settling so far. */
    long elapsed() {
        long from = since;
        return done.get() + (from == IDLE ? 0 : System.nanoTime() - from);
    }
}
