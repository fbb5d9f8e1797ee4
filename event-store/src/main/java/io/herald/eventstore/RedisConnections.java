package io.herald.eventstore;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Redis connections of one process: a shared, multiplexed connection for ordinary commands
 * (Lettuce pipelines concurrent commands on it) and dedicated connections for blocking reads,
 * which would otherwise stall every other command on the shared one.
 *
 * <p>Connections reconnect by themselves after Redis returns (Lettuce auto-reconnect). Thread-safe.
 */
public final class RedisConnections implements AutoCloseable {

    private final RedisClient client;
    private final boolean ownsClient;
    private final StatefulRedisConnection<String, String> shared;
    private final List<StatefulRedisConnection<String, String>> dedicated = new CopyOnWriteArrayList<>();
    private final List<RedisConnections> lanes = new CopyOnWriteArrayList<>();

    /**
     * @param client the client to connect with
     * @param ownsClient whether {@link #close()} shuts the client down too
     */
    public RedisConnections(RedisClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.shared = client.connect();
    }

    /**
     * Connects, waiting up to {@code patience} for Redis to answer (at start-up Redis may still be
     * starting, or the machine too busy to finish the handshake within the command timeout).
     *
     * @throws io.lettuce.core.RedisConnectionException when Redis did not answer in time
     */
    public static RedisConnections connect(RedisClient client, boolean ownsClient, java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return new RedisConnections(client, ownsClient);
            } catch (io.lettuce.core.RedisConnectionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                org.slf4j.LoggerFactory.getLogger(RedisConnections.class)
                        .warn("Redis does not answer yet ({}); trying again", e.getMessage());
                // start-up runs on the main thread, not on an event loop: waiting here is fine
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Connections from a new client for {@code redisUrl}, which {@link #close()} shuts down. */
    public static RedisConnections create(String redisUrl) {
        return new RedisConnections(RedisClient.create(redisUrl), true);
    }

    /** Reactive commands on the shared connection. */
    public RedisReactiveCommands<String, String> commands() {
        return shared.reactive();
    }

    /** A new connection of the caller's own, for blocking commands; closed with this object or by the caller. */
    public StatefulRedisConnection<String, String> dedicated() {
        StatefulRedisConnection<String, String> connection = client.connect();
        dedicated.add(connection);
        return connection;
    }

    /**
     * Connections of their own over the same client (a shared connection and dedicated ones), for
     * traffic that must not queue behind other traffic: Redis answers each connection in order, so
     * a transactional notification's command sent after a bulk batch's large script waits for it.
     * Closed with this object.
     */
    public RedisConnections lane() {
        RedisConnections lane = new RedisConnections(client, false);
        lanes.add(lane);
        return lane;
    }

    /** Closes a connection from {@link #dedicated()}. */
    public void release(StatefulRedisConnection<String, String> connection) {
        dedicated.remove(connection);
        connection.close();
    }

    @Override
    public void close() {
        lanes.forEach(RedisConnections::close);
        lanes.clear();
        dedicated.forEach(StatefulRedisConnection::close);
        dedicated.clear();
        shared.close();
        if (ownsClient) {
            client.shutdown();
        }
    }
}
