package io.herald.bench.e2e;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Polling with a deadline: the harness watches other processes (health endpoints, counters in
 * Redis), and polling is the only signal they give. The bench is a command-line program, so
 * its main thread may sleep between polls.
 */
public final class Waits {

    private Waits() {
    }

    /**
     * Polls {@code condition} every {@code interval} until it holds.
     *
     * @throws IllegalStateException when it does not hold within {@code timeout}
     */
    public static void until(Duration timeout, Duration interval, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            pause(interval);
        }
    }

    /** Like {@link #until} but answers whether the condition held instead of throwing. */
    public static boolean within(Duration timeout, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(interval);
        }
        return true;
    }

    public static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
