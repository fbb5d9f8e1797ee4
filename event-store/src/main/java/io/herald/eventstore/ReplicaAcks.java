package io.herald.eventstore;

import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.reactive.RedisAdvancedClusterReactiveCommands;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Replica-acknowledged hand-offs ({@code herald.redis.replica-acks}): before a step acknowledges its
 * upstream work ({@code XACK}, an HTTP 2xx), it waits until {@code replicas} replicas hold the
 * writes it made downstream, with {@code WAIT replicas timeout} on the connection that sent them —
 * on a Redis Cluster the connection to the master that owns each written key's slot (Lettuce's
 * node connection for that master, the one that carried the writes). Redis replication is
 * asynchronous: without this, a master that dies right after a write can take it along while the
 * upstream entry is already acknowledged.
 *
 * <p>{@code WAIT} blocks the connection it is sent on, so per node at most one is in flight: a
 * caller arriving meanwhile joins the next round (sent after its writes, so it covers them), which
 * is also a group commit under load. With {@code replicas = 0} (the default) nothing is sent.
 *
 * <p>Thread-safe. Instances belong to one connection: {@link RedisConnections#replicaAcks()}.
 */
public final class ReplicaAcks {

    private static final ReplicaAcks NONE = new ReplicaAcks(null, 0, Duration.ZERO);

    private final RedisClusterReactiveCommands<String, String> redis;
    private final int replicas;
    private final Duration timeout;
    private final Map<String, Round> rounds = new ConcurrentHashMap<>();

    /**
     * @param redis the commands whose writes are to be covered
     * @param replicas replicas that must acknowledge (0: none, nothing is waited for)
     * @param timeout how long {@code WAIT} may block; keep it below the client's command timeout
     */
    public ReplicaAcks(RedisClusterReactiveCommands<String, String> redis, int replicas, Duration timeout) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replica-acks must be 0 or more, not " + replicas);
        }
        this.redis = redis;
        this.replicas = replicas;
        this.timeout = timeout;
    }

    /** Waits for nothing. */
    public static ReplicaAcks none() {
        return NONE;
    }

    /** The same requirement for the writes of another connection's commands. */
    public ReplicaAcks on(RedisClusterReactiveCommands<String, String> commands) {
        return replicas == 0 ? NONE : new ReplicaAcks(commands, replicas, timeout);
    }

    public int replicas() {
        return replicas;
    }

    public Duration timeout() {
        return timeout;
    }

    /** As {@link #await(Collection)}. */
    public Mono<Void> await(String... keys) {
        return await(Arrays.asList(keys));
    }

    /**
     * Completes once {@link #replicas()} replicas of the master of each key acknowledged every write
     * this connection sent to that master so far; errors with {@link ReplicasBehindException} when
     * fewer did within the timeout (or with the connection's error when the master is unreachable).
     * Completes at once when no replica is required.
     */
    public Mono<Void> await(Collection<String> keys) {
        if (replicas == 0 || keys.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            Map<String, Round> targets = new LinkedHashMap<>();
            for (String key : keys) {
                String node = nodeOf(key);
                targets.computeIfAbsent(node, n -> rounds.computeIfAbsent(n, this::round));
            }
            return Flux.fromIterable(targets.entrySet())
                    .flatMap(target -> target.getValue().join().flatMap(acknowledged -> acknowledged >= replicas
                            ? Mono.<Void>empty()
                            : Mono.error(new ReplicasBehindException(target.getKey(), acknowledged, replicas, timeout))))
                    .then();
        });
    }

    /** {@code host:port} of the master serving {@code key} on a cluster; {@code ""} on one Redis. */
    private String nodeOf(String key) {
        if (redis instanceof RedisAdvancedClusterReactiveCommands<String, String> cluster) {
            RedisClusterNode master = cluster.getStatefulConnection().getPartitions()
                    .getMasterBySlot(SlotHash.getSlot(key));
            if (master == null) {
                throw new RedisException("no master known for the slot of " + key);
            }
            return master.getUri().getHost() + ":" + master.getUri().getPort();
        }
        return "";
    }

    private Round round(String node) {
        long millis = timeout.toMillis();
        if (node.isEmpty()) {
            return new Round(() -> redis.waitForReplication(replicas, millis));
        }
        var cluster = (RedisAdvancedClusterReactiveCommands<String, String>) redis;
        String host = node.substring(0, node.lastIndexOf(':'));
        int port = Integer.parseInt(node.substring(node.lastIndexOf(':') + 1));
        // looked up per round: Lettuce replaces a node's connection after a topology change
        return new Round(() -> cluster.getConnection(host, port).waitForReplication(replicas, millis));
    }

    /** One node's {@code WAIT}s, one in flight at a time; callers that arrive meanwhile share the next. */
    private static final class Round {

        private final Supplier<Mono<Long>> wait;
        private List<MonoSink<Long>> waiting = new ArrayList<>();
        private boolean inFlight;

        Round(Supplier<Mono<Long>> wait) {
            this.wait = wait;
        }

        Mono<Long> join() {
            return Mono.create(sink -> {
                boolean send;
                synchronized (this) {
                    waiting.add(sink);
                    send = !inFlight;
                    inFlight = true;
                }
                if (send) {
                    send();
                }
            });
        }

        private void send() {
            List<MonoSink<Long>> round;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    inFlight = false;
                    return;
                }
                round = waiting;
                waiting = new ArrayList<>();
            }
            Mono.defer(wait).defaultIfEmpty(0L).subscribe(
                    acknowledged -> round.forEach(sink -> sink.success(acknowledged)),
                    error -> {
                        round.forEach(sink -> sink.error(error));
                        send();
                    },
                    this::send);
        }
    }
}
