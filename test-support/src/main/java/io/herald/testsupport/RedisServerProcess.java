package io.herald.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@code redis-server} process on a free port of 127.0.0.1 with its own working directory and
 * log file, without persistence unless asked ({@link #appendOnly}). It can be stopped
 * ({@code SIGTERM}) or killed ({@code SIGKILL}, as a crash) and started again on the same port and
 * directory, which then reloads its AOF. Tests, the bench and the drills all start Redis this way.
 *
 * <p>Not thread-safe for {@link #start()} / {@link #stop()} / {@link #kill()}: one owner drives it.
 *
 * <p>Over 200 lines on purpose: the one launcher of Redis for tests, bench and drills; its
 * lifecycle (start, readiness, stop, kill, restart on the same port) is one state machine.
 */
public final class RedisServerProcess implements TestRedis {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path binary;
    private final int port;
    private final Path directory;
    private final Path log;
    private final List<String> extraArguments;
    private Process process;

    private RedisServerProcess(Path binary, int port, Path directory, List<String> extraArguments) {
        this.binary = binary;
        this.port = port;
        this.directory = directory;
        this.log = directory.resolve("redis.log");
        this.extraArguments = List.copyOf(extraArguments);
    }

    /** {@code REDIS_SERVER_BIN}, else {@code redis-server} on {@code PATH}, else nothing. */
    public static Optional<Path> findBinary() {
        String explicit = System.getenv("REDIS_SERVER_BIN");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")), Stream.of("/usr/bin", "/usr/local/bin", "/usr/sbin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * {@link #findBinary()} or a failure saying how to install one.
     *
     * @throws IllegalStateException when there is no {@code redis-server}
     */
    public static Path binary() {
        return findBinary().orElseThrow(() -> new IllegalStateException(
                "no redis-server on the PATH (apt-get install -y redis-server) nor at REDIS_SERVER_BIN"));
    }

    /** {@code --appendonly yes --appendfsync <policy>} ({@code everysec}, {@code always}, {@code no}): AOF persistence. */
    public static List<String> appendOnly(String policy) {
        return List.of("--appendonly", "yes", "--appendfsync", policy);
    }

    /** Starts a new server on a free port of 127.0.0.1; {@link #close()} stops it and deletes its directory. */
    public static RedisServerProcess startOnFreePort(Path binary) {
        return start(binary, FreePorts.next(), temporaryDirectory(null, "herald-redis-"), List.of());
    }

    /**
     * Starts a new server on a free port of 127.0.0.1, its directory a new one under {@code parent}
     * (deleted by {@link #close()}), with {@code extraArguments} after the usual ones (e.g.
     * {@link #appendOnly}); returns once it accepts connections.
     */
    public static RedisServerProcess startOnFreePort(Path binary, Path parent, List<String> extraArguments) {
        return start(binary, FreePorts.next(), temporaryDirectory(parent, "redis-"), extraArguments);
    }

    /**
     * Starts a replica of {@code master} ({@code --replicaof}) on a free port of 127.0.0.1;
     * {@link #close()} stops it and deletes its directory. It may still be syncing when this returns:
     * wait for {@code master_link_status:up} (or the master's {@code connected_slaves}) if it matters.
     */
    public static RedisServerProcess startReplicaOf(Path binary, RedisServerProcess master) {
        return start(binary, FreePorts.next(), temporaryDirectory(null, "herald-replica-"),
                List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
    }

    /**
     * Starts a server on {@code port} with its files in {@code directory} (which {@link #close()}
     * deletes) and {@code extraArguments} after the usual ones (e.g. {@code --cluster-enabled yes}).
     */
    static RedisServerProcess start(Path binary, int port, Path directory, List<String> extraArguments) {
        RedisServerProcess server = new RedisServerProcess(binary, port, directory, extraArguments);
        server.start();
        return server;
    }

    private static Path temporaryDirectory(Path parent, String prefix) {
        try {
            if (parent == null) {
                return Files.createTempDirectory(prefix);
            }
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory for redis-server", e);
        }
    }

    /** The pid of the running server, or -1 while it is stopped. */
    public synchronized long pid() {
        return running() ? process.pid() : -1;
    }

    /** Whether the server process is alive (it may still be loading its AOF). */
    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** The working directory of this server: its log, its AOF. */
    public Path directory() {
        return directory;
    }

    @Override
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean restartable() {
        return true;
    }

    /** Starts the server (again: same port, directory and arguments) and waits until it accepts connections. */
    @Override
    public synchronized void start() {
        if (running()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
                "--dir", directory.toString(), "--logfile", log.toString(),
                "--daemonize", "no", "--protected-mode", "yes"));
        command.addAll(extraArguments); // a later option wins: --appendonly yes overrides the no above
        try {
            process = ChildProcesses.track(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        Poll.until(START_TIMEOUT, Duration.ofMillis(20), "redis-server listening on " + port + ":\n" + log, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start:\n" + logTail(30));
            }
            return accepts();
        });
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code SIGTERM}: Redis shuts down cleanly (fsyncs its AOF); {@code SIGKILL} after 15 s. */
    @Override
    public synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process, Duration.ofSeconds(15));
            process = null;
        }
    }

    /** {@code SIGKILL}, as a crash or an OOM kill: unsynced AOF writes are lost; {@link #start()} brings it back. */
    public synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
            process = null;
        }
    }

    @Override
    public String logTail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no redis log at " + log + ")";
            }
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless; the process is already gone
        }
    }
}
