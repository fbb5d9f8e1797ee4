package io.herald.testsupport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The child processes this JVM started ({@code redis-server}, service JVMs): a JVM that exits
 * without stopping them (a timeout, Ctrl-C, a crashed test run) would leave them running, so a
 * shutdown hook kills those still alive. Thread-safe.
 */
final class ChildProcesses {

    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.stream().filter(Process::isAlive)
                .forEach(Process::destroyForcibly), "herald-child-cleanup"));
    }

    private ChildProcesses() {
    }

    /** Remembers {@code process} so that it is killed if this JVM exits first; returns it. */
    static Process track(Process process) {
        STARTED.removeIf(p -> !p.isAlive());
        STARTED.add(process);
        return process;
    }

    /** Waits for {@code process} to exit; answers whether it did within {@code timeout}. */
    static boolean awaitExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code SIGTERM}, then {@code SIGKILL} if it has not exited within {@code patience}. */
    static void stop(Process process, Duration patience) {
        process.destroy();
        if (!awaitExit(process, patience)) {
            kill(process);
        }
    }

    /** {@code SIGKILL}, as a crash: nothing is flushed, no shutdown hook runs. */
    static void kill(Process process) {
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
    }
}
