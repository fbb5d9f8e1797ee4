package io.herald.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@code redis-server} process on a free port of 127.0.0.1, without persistence, with its
 * own working directory and log file. It can be stopped and started again on the same port.
 */
public final class RedisServerProcess implements TestRedis {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

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

    /** Starts a new server on a free port of 127.0.0.1; {@link #close()} stops it and deletes its directory. */
    public static RedisServerProcess startOnFreePort(Path binary) {
        try {
            return start(binary, FreePorts.next(), Files.createTempDirectory("herald-redis-"), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory for redis-server", e);
        }
    }

    /**
     * Starts a replica of {@code master} ({@code --replicaof}) on a free port of 127.0.0.1;
     * {@link #close()} stops it and deletes its directory. It may still be syncing when this returns:
     * wait for {@code master_link_status:up} (or the master's {@code connected_slaves}) if it matters.
     */
    public static RedisServerProcess startReplicaOf(Path binary, RedisServerProcess master) {
        try {
            return start(binary, FreePorts.next(), Files.createTempDirectory("herald-replica-"),
                    List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory for redis-server", e);
        }
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

    /** The pid of the running server, or -1 while it is stopped. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /** The working directory of this server. */
    Path directory() {
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

    @Override
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        List<String> command = new java.util.ArrayList<>(List.of(binary.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no",
                "--dir", directory.toString(), "--logfile", log.toString(),
                "--daemonize", "no", "--protected-mode", "yes"));
        command.addAll(extraArguments);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        awaitListening();
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start:\n" + logTail(30));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port + " within " + START_TIMEOUT
                + ":\n" + logTail(30));
    }

    // Polling a socket at start-up is the only portable readiness signal of a child process.
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for redis-server", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** {@code SIGKILL}, as a crash: nothing is flushed; {@link #start()} starts it again on the same port and directory. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
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

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless; the process is already gone
        }
    }
}
