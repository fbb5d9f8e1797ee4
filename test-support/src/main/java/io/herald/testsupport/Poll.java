package io.herald.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Polling a child process with a deadline: a socket that starts listening, a health endpoint, a
 * log line. Polling is the only readiness signal a separate process gives.
 */
final class Poll {

    private Poll() {
    }

    /**
     * Asks {@code condition} every {@code interval} until it holds; a condition may throw to give up
     * early (e.g. when the process exited).
     *
     * @throws IllegalStateException when it does not hold within {@code timeout}
     */
    static void until(Duration timeout, Duration interval, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(interval.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
