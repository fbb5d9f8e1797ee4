package io.herald.bench.seed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user-service jar run as a child process on a free port, its output captured so that the
 * benchmark can wait for log lines. Not thread-safe; one benchmark drives it.
 */
final class UserServiceProcess implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new ArrayList<>();

    private UserServiceProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "user-service-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar jar} with the given environment added to this process's. */
    static UserServiceProcess start(Path jar, Map<String, String> environment, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=0");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new UserServiceProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; waiting callers see it through isAlive()
        }
    }

    /**
     * Waits for the first output line (from line {@code from} on) matching {@code pattern}.
     *
     * @throws IllegalStateException when the process ends or {@code timeout} passes first
     */
    Matcher await(Pattern pattern, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int next = from;
        synchronized (lines) {
            while (true) {
                for (; next < lines.size(); next++) {
                    Matcher matcher = pattern.matcher(lines.get(next));
                    if (matcher.find()) {
                        return matcher;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new IllegalStateException("user-service printed no line matching '" + pattern + "'"
                            + (process.isAlive() ? " within " + timeout : " before it exited") + "; last lines:\n"
                            + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                }
                lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    /** Lines printed so far that match {@code pattern}. */
    List<String> lines(Pattern pattern) {
        synchronized (lines) {
            return lines.stream().filter(line -> pattern.matcher(line).find()).toList();
        }
    }

    /** CPU time the service process has used so far, in ms (user + system, all threads). */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    /** Writes everything the service printed so far to {@code file}. */
    void saveOutput(Path file) throws IOException {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
        synchronized (lines) {
            java.nio.file.Files.write(file, lines, StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
