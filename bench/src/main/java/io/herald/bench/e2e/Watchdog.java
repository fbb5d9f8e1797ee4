package io.herald.bench.e2e;

import java.time.Duration;

/**
 * Bounds a run in time: after the timeout the JVM exits with status 3, and the shutdown hook of
 * {@link Processes} kills every child process the bench started.
 */
public final class Watchdog {

    private Watchdog() {
    }

    /** Starts the watchdog; interrupt the returned thread to disarm it. */
    public static Thread start(Duration timeout) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
                System.err.println("bench: TIMEOUT after " + timeout + ": stopping everything the bench started");
                System.exit(3);
            } catch (InterruptedException disarmed) {
                Thread.currentThread().interrupt();
            }
        }, "bench-watchdog");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
