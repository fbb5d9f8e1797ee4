package io.herald.eventstore.consumer;

/**
 * The time during which at least one of a batch's slices was being settled: the batch's handler
 * timer does not run during it, since the handler may be held back meanwhile. Slices may be
 * settled side by side; overlapping settlements count once. Thread-safe.
 */
final class SettlingClock {

    private long done;
    private long since;
    private int active;

    synchronized void started() {
        if (active++ == 0) {
            since = System.nanoTime();
        }
    }

    synchronized void finished() {
        if (--active == 0) {
            done += System.nanoTime() - since;
        }
    }

    /** Nanoseconds spent settling so far. */
    synchronized long elapsed() {
        return done + (active > 0 ? System.nanoTime() - since : 0);
    }
}
