package io.herald.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Herald service as a separate JVM ({@code java <flags> -jar <jar>}) on a free port, its
 * output appended to one log file across restarts (the drills count delivery log lines in it).
 *
 * <p>Not thread-safe: one owner drives it.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> javaOptions;
    private final Path log;
    private Process process;
    private long launchedNanos;

    public ServiceProcess(String name, Path jar, Map<String, String> environment, List<String> javaOptions,
                          Path logDirectory) {
        this.name = name;
        this.jar = jar;
        this.port = FreePorts.next();
        this.environment = Map.copyOf(environment);
        this.javaOptions = List.copyOf(javaOptions);
        this.log = logDirectory.resolve(name + ".log");
    }

    /** Launches the JVM and returns at once; {@link #awaitHealthy} tells when it is up. */
    public ServiceProcess launch() {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        try {
            launchedNanos = System.nanoTime();
            process = Processes.track(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + name, e);
        }
        return this;
    }

    /**
     * Waits until {@code /actuator/health} answers 200 with status UP.
     *
     * @return the time from launch to that answer (the service's start-up time)
     * @throws IllegalStateException when the process exits or the timeout passes first
     */
    public Duration awaitHealthy(Duration timeout) {
        Waits.until(timeout, Duration.ofMillis(25), name + " healthy on port " + port + " (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return healthy();
        });
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
    }

    /** Whether {@code /actuator/health} answers 200 UP right now. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, work in flight is abandoned. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            Processes.awaitExit(process, Duration.ofSeconds(10));
        }
    }

    /** {@code SIGTERM}, then {@code SIGKILL} if it has not exited within 30 s. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!Processes.awaitExit(process, Duration.ofSeconds(30))) {
                process.destroyForcibly();
                Processes.awaitExit(process, Duration.ofSeconds(10));
            }
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

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

    /** The JVM running the bench, so that services run on the same JDK it reports. */
    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
