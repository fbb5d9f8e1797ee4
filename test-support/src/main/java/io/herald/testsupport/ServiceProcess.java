package io.herald.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Herald service jar as a separate JVM ({@code java <options> -jar <jar>}, the JDK running
 * this JVM) on a given port of 127.0.0.1 ({@code SERVER_PORT}), as an operator runs it. Its output
 * is appended to one log file, across restarts and across processes given the same file (the
 * drills count delivery lines over them); delete the file first for a fresh log. It can be stopped,
 * killed ({@code kill -9}) and launched again on the same port. Used by the acceptance tests, the
 * bench and the drills.
 *
 * <p>Not thread-safe: one owner drives it.
 *
 * <p>Over 200 lines on purpose, mostly javadoc: the one launcher of a service jar for the
 * acceptance tests, the bench and the drills, with its readiness and log waits.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> javaOptions;
    private final Path log;
    private Process process;
    private long launchedNanos;

    /**
     * Defines the process; nothing runs until {@link #launch()}.
     *
     * @param name what messages call it (e.g. {@code channel-workers-2})
     * @param port its HTTP port ({@code SERVER_PORT}); take one from {@link FreePorts}
     * @param environment added to this JVM's environment (e.g. {@link #redisEnvironment})
     * @param javaOptions JVM flags before {@code -jar}
     * @param log the file its standard output and error are appended to
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, List<String> javaOptions,
                          Path log) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.javaOptions = List.copyOf(javaOptions);
        this.log = log.toAbsolutePath();
    }

    /**
     * The fat jar of {@code module} in the repository at {@code root}
     * ({@code <module>/target/<module>-0.1.0-SNAPSHOT.jar}).
     *
     * @throws IllegalStateException when it has not been built
     */
    public static Path jar(Path root, String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build it first (./mvnw -B -DskipTests package -pl "
                    + module + " -am)");
        }
        return jar;
    }

    /**
     * The environment that points a Herald service at {@code redisUrl}: one URL
     * ({@code SPRING_DATA_REDIS_URL}) or the comma-separated node URLs of a cluster
     * ({@code SPRING_DATA_REDIS_CLUSTER_NODES}, as {@link RedisClusterProcess#url()} gives them).
     */
    public static Map<String, String> redisEnvironment(String redisUrl) {
        Map<String, String> env = new HashMap<>();
        if (redisUrl.contains(",")) {
            env.put("SPRING_DATA_REDIS_CLUSTER_NODES", redisUrl.replace("redis://", ""));
        } else {
            env.put("SPRING_DATA_REDIS_URL", redisUrl);
        }
        return env;
    }

    /** Launches the JVM and returns at once; {@link #awaitHealthy} tells when it is up. */
    public ServiceProcess launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.getParent());
            launchedNanos = System.nanoTime();
            process = ChildProcesses.track(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + name, e);
        }
        return this;
    }

    /**
     * Waits until the service is {@link #healthy()}.
     *
     * @return the time from launch to then (the service's start-up time)
     * @throws IllegalStateException when the process exits or {@code timeout} passes first
     */
    public Duration awaitHealthy(Duration timeout) {
        Poll.until(timeout, Duration.ofMillis(25), name + " healthy on port " + port + " (log: " + log + ")", () -> {
            requireAlive();
            return healthy();
        });
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
    }

    /** Whether {@code /actuator/health/readiness} (ready, and Redis reachable) answers 200 right now. */
    public boolean healthy() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits until the log has a line matching {@code pattern} and returns the last such match.
     *
     * @throws IllegalStateException when the process exits or {@code timeout} passes first
     */
    public Matcher awaitLogLine(Pattern pattern, Duration timeout) {
        @SuppressWarnings("unchecked")
        Optional<Matcher>[] found = new Optional[] {Optional.empty()};
        Poll.until(timeout, Duration.ofMillis(100), "'" + pattern + "' in " + log, () -> {
            found[0] = lastLogLine(pattern);
            if (found[0].isEmpty()) {
                requireAlive();
            }
            return found[0].isPresent();
        });
        return found[0].orElseThrow();
    }

    /** The match of the last line of the log matching {@code pattern}, if any. */
    public Optional<Matcher> lastLogLine(Pattern pattern) {
        List<String> matching = logLines(pattern);
        return matching.isEmpty() ? Optional.empty()
                : Optional.of(pattern.matcher(matching.get(matching.size() - 1))).filter(Matcher::find);
    }

    /** The lines of the log that match {@code pattern}, in order (read byte-transparently: a stray byte stops nothing). */
    public List<String> logLines(Pattern pattern) {
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> pattern.matcher(line).find()).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** The last {@code lines} lines of the log, for a failure message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void requireAlive() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " exited" + (process == null ? "" : " with " + process.exitValue())
                    + "; see " + log + ":\n" + logTail(30));
        }
    }

    /** {@code kill -9}: no shutdown hook runs, work in flight is abandoned; {@link #launch()} starts it again. */
    public void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
        }
    }

    /** {@code SIGTERM}, then {@code SIGKILL} if it has not exited within 30 s. */
    public void stop() {
        stop(STOP_PATIENCE);
    }

    /** {@code SIGTERM}, then {@code SIGKILL} if it has not exited within {@code patience}. */
    public void stop(Duration patience) {
        if (alive()) {
            ChildProcesses.stop(process, patience);
        }
    }

    /** Stops all of {@code processes} at once: {@code SIGTERM} to each, then waits (and kills) as {@link #stop()}. */
    public static void stopAll(Collection<ServiceProcess> processes) {
        stopAll(processes, STOP_PATIENCE);
    }

    /**
     * Stops all of {@code processes} at once: {@code SIGTERM} to each, then waits up to {@code patience}
     * for each before {@code SIGKILL} (a JVM writing a class data sharing archive as it exits needs longer).
     */
    public static void stopAll(Collection<ServiceProcess> processes, Duration patience) {
        processes.stream().filter(ServiceProcess::alive).forEach(p -> p.process.destroy());
        processes.forEach(p -> p.stop(patience));
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** The pid of the last launch (also after it died), or -1 before the first. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stop();
    }
}
