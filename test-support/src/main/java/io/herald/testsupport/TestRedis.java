package io.herald.testsupport;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A real Redis for a test: one of {@code REDIS_URL}, a {@code redis-server} process started
 * for the test class, or a Testcontainers container.
 *
 * <p>Instances are not thread-safe for {@link #stop()} / {@link #start()}; the other methods
 * may be called from any thread.
 */
public interface TestRedis extends AutoCloseable {

    /**
     * {@code redis://host:port} of the running server; for a cluster the comma-separated URLs of
     * its nodes ({@code RedisConnections.createFor} takes either).
     */
    String url();

    String host();

    int port();

    /** Whether this is a Redis Cluster ({@link RedisClusterProcess}) rather than a single Redis. */
    default boolean isCluster() {
        return false;
    }

    /** Whether {@link #stop()} and {@link #start()} are supported (only for a process we started). */
    boolean restartable();

    /** Stops the server; clients see connection errors until {@link #start()}. */
    void stop();

    /** Starts a stopped server again on the same port. */
    void start();

    /** Removes every key, for test isolation inside one class. */
    default void flushAll() {
        try (RedisClient client = RedisClient.create(url());
             StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushall();
        }
    }

    /** The last lines of the server's log, or a note that no log is available. */
    String logTail(int lines);

    /** Stops the server for good and releases what it holds. */
    @Override
    void close();

    /**
     * Picks the Redis for a test: {@code REDIS_URL} if set, else a {@code redis-server} found on
     * {@code PATH} or at {@code REDIS_SERVER_BIN}, else a Testcontainers container when Docker
     * answers; otherwise fails with instructions.
     *
     * @throws IllegalStateException when no Redis can be had, saying how to install one
     */
    static TestRedis create() {
        String url = System.getenv("REDIS_URL");
        if (url != null && !url.isBlank()) {
            return new ExternalRedis(url);
        }
        var binary = RedisServerProcess.findBinary();
        if (binary.isPresent()) {
            return RedisServerProcess.startOnFreePort(binary.get());
        }
        if (ContainerRedis.dockerAvailable()) {
            return ContainerRedis.startContainer();
        }
        throw new IllegalStateException("""
                No Redis for the tests: set REDIS_URL, or install redis-server \
                (apt-get update && apt-get install -y redis-server) or point REDIS_SERVER_BIN at it, \
                or run a Docker daemon for Testcontainers.""");
    }
}
