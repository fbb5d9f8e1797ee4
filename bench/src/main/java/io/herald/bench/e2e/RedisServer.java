package io.herald.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code redis-server} the bench owns: 127.0.0.1, a free port, its own directory (deleted by
 * {@link #close()}), no persistence unless an AOF {@code appendfsync} policy is given. It can be
 * killed ({@code SIGKILL}, as a crash) or stopped and started again on the same port and
 * directory, which then reloads its AOF.
 *
 * <p>Not thread-safe: one owner drives it.
 */
public final class RedisServer implements AutoCloseable {

    private final int port;
    private final Path directory;
    private final String appendFsync;
    private Process process;

    /**
     * @param appendFsync {@code null} for no persistence, else AOF with this {@code appendfsync}
     *     policy ({@code everysec}, {@code always})
     */
    public RedisServer(Path parent, String appendFsync) {
        this.port = FreePorts.next();
        this.appendFsync = appendFsync;
        try {
            Files.createDirectories(parent);
            this.directory = Files.createTempDirectory(parent, "redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for redis-server under " + parent, e);
        }
    }

    /** Starts the server and waits until it accepts connections. */
    public RedisServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        List<String> command = new ArrayList<>(List.of("redis-server",
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--save", "", "--dir", directory.toString(), "--logfile", directory.resolve("redis.log").toString(),
                "--daemonize", "no"));
        if (appendFsync == null) {
            command.addAll(List.of("--appendonly", "no"));
        } else {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", appendFsync));
        }
        try {
            process = Processes.track(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()))
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is it on the PATH?)", e);
        }
        Waits.until(Duration.ofSeconds(30), Duration.ofMillis(20), "redis-server listening on " + port,
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server exited; see " + directory.resolve("redis.log"));
                    }
                    return accepts();
                });
        return this;
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** {@code SIGKILL}: what a crash or an OOM kill does; unsynced AOF writes are lost. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            Processes.awaitExit(process, Duration.ofSeconds(10));
            process = null;
        }
    }

    /** {@code SIGTERM}: Redis shuts down cleanly (fsyncs its AOF). */
    public void stop() {
        if (process != null) {
            process.destroy();
            if (!Processes.awaitExit(process, Duration.ofSeconds(15))) {
                process.destroyForcibly();
                Processes.awaitExit(process, Duration.ofSeconds(10));
            }
            process = null;
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public Path directory() {
        return directory;
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        stop();
        Processes.deleteTree(directory);
    }
}
