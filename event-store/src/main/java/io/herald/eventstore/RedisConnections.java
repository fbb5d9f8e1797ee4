package io.herald.eventstore;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The Redis connections of one process, on a single Redis ({@link RedisClient}) or on a Redis Cluster
 * ({@link RedisClusterClient}) alike: a shared, multiplexed connection for ordinary commands
 * (Lettuce pipelines concurrent commands on it) and dedicated connections for blocking reads,
 * which would otherwise stall every other command on the shared one. On a cluster a dedicated
 * connection is a cluster connection of its own, so a blocking {@code XREADGROUP} holds only its
 * own connection to the node that owns the stream.
 *
 * <p>Callers see commands as {@link RedisClusterReactiveCommands}, the interface common to both
 * kinds of connection; code written against it runs on both. Connections reconnect by themselves
 * after Redis returns (Lettuce auto-reconnect). Thread-safe.
 *
 * <p>Over 200 lines on purpose: the same three kinds of connection (shared, dedicated, lanes) for
 * both standalone and cluster clients, so that no caller needs to know which it has.
 */
public final class RedisConnections implements AutoCloseable {

    /**
     * How a cluster client follows the cluster: re-reads the topology every 5 s and at once on a
     * {@code MOVED}/{@code ASK} redirect, a reconnect or an unknown node, so a failover or a
     * resharding is followed within seconds without a restart.
     */
    public static final ClusterTopologyRefreshOptions TOPOLOGY_REFRESH = ClusterTopologyRefreshOptions.builder()
            .enablePeriodicRefresh(Duration.ofSeconds(5))
            .enableAllAdaptiveRefreshTriggers()
            .adaptiveRefreshTriggersTimeout(Duration.ofSeconds(1))
            .dynamicRefreshSources(true)
            .build();

    private final AbstractRedisClient client;
    private final boolean ownsClient;
    private final StatefulConnection<String, String> shared;
    private final RedisClusterReactiveCommands<String, String> commands;
    private final List<StatefulConnection<String, String>> dedicated = new CopyOnWriteArrayList<>();
    private final List<RedisConnections> lanes = new CopyOnWriteArrayList<>();
    private volatile ReplicaAcks replicaAcks = ReplicaAcks.none();
    private volatile Supplier<LaneClient> laneClients;
    private Runnable released = () -> { };

    /**
     * A client of a lane's own ({@link #lane()}): its connections and its I/O threads serve only
     * that lane. {@code release} shuts down the client and whatever it holds (its thread pools).
     */
    public record LaneClient(AbstractRedisClient client, Runnable release) {
    }

    /**
     * @param client a {@link RedisClient} or a {@link RedisClusterClient} to connect with
     * @param ownsClient whether {@link #close()} shuts the client down too
     * @throws IllegalArgumentException for any other kind of client
     */
    public RedisConnections(AbstractRedisClient client, boolean ownsClient) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.shared = open(client);
        this.commands = reactive(shared);
    }

    /**
     * Connects, waiting up to {@code patience} for Redis to answer (at start-up Redis may still be
     * starting, or the machine too busy to finish the handshake within the command timeout).
     *
     * @throws RedisConnectionException when Redis did not answer in time
     */
    public static RedisConnections connect(AbstractRedisClient client, boolean ownsClient, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return new RedisConnections(client, ownsClient);
            } catch (RedisConnectionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LoggerFactory.getLogger(RedisConnections.class).warn("Redis does not answer yet ({}); trying again",
                        e.getMessage());
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

    /**
     * Connections from a new client for one Redis at {@code redisUrl}, which {@link #close()} shuts
     * down; each {@link #lane()} gets a client of its own.
     */
    public static RedisConnections create(String redisUrl) {
        return new RedisConnections(RedisClient.create(redisUrl), true).withLaneClients(() -> {
            RedisClient own = RedisClient.create(redisUrl);
            return new LaneClient(own, own::shutdown);
        });
    }

    /**
     * Connections from a new cluster client seeded with {@code nodeUrls} (any reachable nodes of the
     * cluster; the client discovers the rest), with {@link #TOPOLOGY_REFRESH}; {@link #close()} shuts it down.
     */
    public static RedisConnections createCluster(List<String> nodeUrls) {
        return new RedisConnections(clusterClient(nodeUrls), true).withLaneClients(() -> {
            RedisClusterClient own = clusterClient(nodeUrls);
            return new LaneClient(own, own::shutdown);
        });
    }

    private static RedisClusterClient clusterClient(List<String> nodeUrls) {
        RedisClusterClient client = RedisClusterClient.create(nodeUrls.stream().map(RedisURI::create).toList());
        client.setOptions(ClusterClientOptions.builder().topologyRefreshOptions(TOPOLOGY_REFRESH).build());
        return client;
    }

    /**
     * Connections for {@code target}: a comma-separated list of node URLs means a cluster
     * ({@code redis://127.0.0.1:7000,redis://127.0.0.1:7001}), one URL a single Redis.
     */
    public static RedisConnections createFor(String target) {
        List<String> urls = Arrays.stream(target.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return urls.size() > 1 ? createCluster(urls) : create(urls.get(0));
    }

    /** Whether these connections go to a Redis Cluster. */
    public boolean isCluster() {
        return client instanceof RedisClusterClient;
    }

    /** Reactive commands on the shared connection. */
    public RedisClusterReactiveCommands<String, String> commands() {
        return commands;
    }

    /**
     * A new connection of the caller's own, for blocking commands (a cluster connection of its own on
     * a cluster); use {@link #reactive(StatefulConnection)} or {@link #sync(StatefulConnection)} on it.
     * Closed with this object or by {@link #release}.
     */
    public StatefulConnection<String, String> dedicated() {
        StatefulConnection<String, String> connection = open(client);
        dedicated.add(connection);
        return connection;
    }

    /**
     * Connections of their own (a shared connection and dedicated ones), for traffic that must not
     * queue behind other traffic: Redis answers each connection in order, so a transactional
     * notification's command sent after a bulk batch's large script waits for it. With
     * {@link #withLaneClients} the lane has a client of its own too, and so I/O threads of its own:
     * Lettuce decodes replies and runs what follows them on the connection's I/O thread, so a
     * transactional reply on a thread that also decodes 500-entry bulk batches waits for them.
     * Closed with this object.
     */
    public RedisConnections lane() {
        Supplier<LaneClient> source = laneClients;
        RedisConnections lane;
        if (source == null) {
            lane = new RedisConnections(client, false);
        } else {
            LaneClient own = source.get();
            try {
                lane = new RedisConnections(own.client(), false);
            } catch (RuntimeException e) {
                own.release().run();
                throw e;
            }
            lane.released = own.release();
        }
        lane.replicaAcks = replicaAcks.on(lane.commands);
        lanes.add(lane);
        return lane;
    }

    /**
     * Where {@link #lane()} gets a client of its own from (null: lanes share this client). Call
     * once, at start-up, before the first lane.
     */
    public RedisConnections withLaneClients(Supplier<LaneClient> clients) {
        this.laneClients = clients;
        return this;
    }

    /**
     * Requires {@code replicas} replicas to acknowledge a step's writes before it acknowledges its
     * upstream work ({@code herald.redis.replica-acks}); applies to {@link #replicaAcks()} of these
     * connections and of their lanes. Call once, at start-up.
     *
     * @param timeout how long one {@code WAIT} may block (below the command timeout)
     */
    public RedisConnections requireReplicaAcks(int replicas, Duration timeout) {
        replicaAcks = new ReplicaAcks(commands, replicas, timeout);
        lanes.forEach(lane -> lane.requireReplicaAcks(replicas, timeout));
        return this;
    }

    /**
     * Waits for the replicas to hold what {@link #commands()} wrote (see {@link ReplicaAcks}); waits
     * for nothing unless {@link #requireReplicaAcks} asked for replicas.
     */
    public ReplicaAcks replicaAcks() {
        return replicaAcks;
    }

    /** Closes a connection from {@link #dedicated()}. */
    public void release(StatefulConnection<String, String> connection) {
        dedicated.remove(connection);
        connection.close();
    }

    /** The reactive commands of a connection from {@link #dedicated()}. */
    public static RedisClusterReactiveCommands<String, String> reactive(StatefulConnection<String, String> connection) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.reactive();
        }
        return ((StatefulRedisConnection<String, String>) connection).reactive();
    }

    /** The asynchronous commands of a connection from {@link #dedicated()} (e.g. for pipelining with manual flushes). */
    public static RedisClusterAsyncCommands<String, String> async(StatefulConnection<String, String> connection) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.async();
        }
        return ((StatefulRedisConnection<String, String>) connection).async();
    }

    /** The synchronous commands of a connection from {@link #dedicated()} (for tools and tests, not services). */
    public static RedisClusterCommands<String, String> sync(StatefulConnection<String, String> connection) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.sync();
        }
        return ((StatefulRedisConnection<String, String>) connection).sync();
    }

    private static StatefulConnection<String, String> open(AbstractRedisClient client) {
        if (client instanceof RedisClusterClient cluster) {
            return cluster.connect();
        }
        if (client instanceof RedisClient single) {
            return single.connect();
        }
        throw new IllegalArgumentException("not a Lettuce RedisClient or RedisClusterClient: " + client);
    }

    @Override
    public void close() {
        lanes.forEach(RedisConnections::close);
        lanes.clear();
        dedicated.forEach(StatefulConnection::close);
        dedicated.clear();
        shared.close();
        if (ownsClient) {
            client.shutdown();
        }
        released.run();
    }
}
