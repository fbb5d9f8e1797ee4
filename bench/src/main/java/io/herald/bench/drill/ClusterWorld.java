package io.herald.bench.drill;

import io.herald.bench.e2e.Waits;
import io.herald.eventstore.Channels;
import io.herald.testsupport.RedisClusterProcess;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What the Redis Cluster drills share: a world on a local cluster of {@code redis-server}
 * processes (3 masters, 3 replicas, {@code cluster-node-timeout} 2 s; test-support's
 * {@link RedisClusterProcess}), which master serves which channel partition, the open work on
 * partitions, and how long a promoted replica takes to accept writes.
 */
final class ClusterWorld {

    private ClusterWorld() {
    }

    /**
     * Starts a cluster ({@code redisArguments} for every node) and a world on it whose services
     * require {@code replicaAcks} replicas per hand-off ({@code HERALD_REDIS_REPLICAACKS}).
     */
    static DrillEnv start(DrillOptions options, Path directory, int replicaAcks, List<String> redisArguments) {
        RedisClusterProcess cluster = RedisClusterProcess.start(RedisServerProcess.binary(), redisArguments);
        try {
            Drills.say("cluster up: masters " + cluster.masterPorts() + ", nodes " + cluster.ports()
                    + ", services with replica-acks=" + replicaAcks);
            return new DrillEnv(options, directory, cluster,
                    Map.of("HERALD_REDIS_REPLICAACKS", Integer.toString(replicaAcks)));
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Creates {@code directory} (a run's own, under the drill's) and returns it. */
    static Path directory(Path directory) {
        try {
            return java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + directory, e);
        }
    }

    /** The bulk partition streams of the drill's channels, by the port of the master serving each now. */
    static Map<Integer, List<String>> partitionsByMaster(DrillEnv env) {
        Channels channels = Channels.of(env.options.channels(), "auto", true);
        Map<Integer, List<String>> byMaster = new TreeMap<>();
        for (String channel : env.options.channels()) {
            for (String stream : channels.bulkStreams(channel)) {
                byMaster.computeIfAbsent(env.cluster.ownerOf(SlotHash.getSlot(stream)), p -> new ArrayList<>()).add(stream);
            }
        }
        return byMaster;
    }

    /** Entries of the workers' group on {@code streams} not acknowledged yet: pending plus not yet read (lag). */
    static long openWork(DrillEnv env, List<String> streams) {
        long open = 0;
        for (String stream : streams) {
            List<Object> groups;
            try {
                groups = env.access.sync().xinfoGroups(stream);
            } catch (RuntimeException noStreamYet) {
                continue;
            }
            for (Object group : groups) {
                Map<String, Object> fields = fields((List<?>) group);
                if (Consumers.WORKERS_GROUP.equals(String.valueOf(fields.get("name")))) {
                    open += number(fields.get("pending")) + number(fields.get("lag"));
                }
            }
        }
        return open;
    }

    /** The master whose partitions hold the most open work now, with that work. */
    static Map.Entry<Integer, Long> busiestMaster(DrillEnv env) {
        Map.Entry<Integer, Long> busiest = null;
        for (Map.Entry<Integer, List<String>> master : partitionsByMaster(env).entrySet()) {
            long open = openWork(env, master.getValue());
            if (busiest == null || open > busiest.getValue()) {
                busiest = Map.entry(master.getKey(), open);
            }
        }
        if (busiest == null) {
            throw new IllegalStateException("no master serves a channel partition");
        }
        return busiest;
    }

    /**
     * Writes a probe key into the slot of {@code hashTag} on the node on {@code port} until the node
     * takes it (a replica answers {@code MOVED} until it is promoted); returns the time since
     * {@code sinceNanos}.
     *
     * @throws IllegalStateException when the node does not take the write within {@code timeout}
     */
    static Duration untilWritable(int port, String hashTag, long sinceNanos, Duration timeout) {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(false).build());
        String probe = "{" + hashTag + "}:drill-probe";
        try (StatefulRedisConnection<String, String> node = client.connect(RedisURI.builder().withHost("127.0.0.1")
                .withPort(port).withTimeout(Duration.ofSeconds(2)).build())) {
            Waits.until(timeout, Duration.ofMillis(20), "node " + port + " taking writes", () -> {
                try {
                    node.sync().set(probe, "1");
                    return true;
                } catch (RuntimeException notYet) {
                    return false; // MOVED while still a replica, CLUSTERDOWN while the election runs
                }
            });
            Duration elapsed = Duration.ofNanos(System.nanoTime() - sinceNanos);
            node.sync().del(probe);
            return elapsed;
        } finally {
            client.shutdown(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    private static Map<String, Object> fields(List<?> flat) {
        Map<String, Object> fields = new TreeMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return fields;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
