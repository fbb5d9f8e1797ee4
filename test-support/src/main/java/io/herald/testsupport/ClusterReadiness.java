package io.herald.testsupport;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Checks on the nodes of a local cluster, one node at a time (each through a plain connection of its own). */
final class ClusterReadiness {

    private ClusterReadiness() {
    }

    /**
     * Returns once every node says {@code cluster_state:ok} with all slots served and {@code nodes}
     * nodes known, and every master has an online replica.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    static void await(List<Integer> ports, int nodes, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "";
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder().autoReconnect(false).build());
        Map<Integer, StatefulRedisConnection<String, String>> connections = new HashMap<>();
        try {
            while (Instant.now().isBefore(deadline)) {
                try {
                    last = notReady(client, connections, ports, nodes);
                    if (last == null) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    last = notYet.toString();
                    connections.values().forEach(StatefulRedisConnection::close);
                    connections.clear();
                }
                pause();
            }
            throw new IllegalStateException("the cluster on " + ports + " is not ready after " + timeout + ": " + last);
        } finally {
            connections.values().forEach(StatefulRedisConnection::close);
            client.shutdown(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** Why the cluster is not ready yet, or null when it is. */
    private static String notReady(RedisClient client, Map<Integer, StatefulRedisConnection<String, String>> connections,
                                   List<Integer> ports, int nodes) {
        for (int port : ports) {
            RedisCommands<String, String> node = connections.computeIfAbsent(port, p -> connect(client, p)).sync();
            String info = node.clusterInfo();
            if (!info.contains("cluster_state:ok") || !info.contains("cluster_slots_ok:16384")
                    || !info.contains("cluster_known_nodes:" + nodes)) {
                return "node " + port + ": " + info.lines().limit(6).toList();
            }
            String replication = node.info("replication");
            if (replication.contains("role:master") && !replication.contains(",state=online,")) {
                return "master " + port + " has no online replica yet";
            }
            if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
                return "replica " + port + " is not in sync yet";
            }
        }
        return null;
    }

    /** The ports of the running nodes that are masters now. */
    static List<Integer> masters(List<Integer> ports) {
        RedisClient client = RedisClient.create();
        try {
            List<Integer> masters = new java.util.ArrayList<>();
            for (int port : ports) {
                try (StatefulRedisConnection<String, String> connection = connect(client, port)) {
                    if (connection.sync().info("replication").contains("role:master")) {
                        masters.add(port);
                    }
                } catch (io.lettuce.core.RedisException down) {
                    // a node killed by a drill or test is no master of anything now
                }
            }
            return masters;
        } finally {
            client.shutdown(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** {@code FLUSHALL} on every master. */
    static void flushMasters(List<Integer> ports) {
        RedisClient client = RedisClient.create();
        try {
            for (int port : ports) {
                try (StatefulRedisConnection<String, String> connection = connect(client, port)) {
                    if (connection.sync().info("replication").contains("role:master")) {
                        connection.sync().flushall();
                    }
                }
            }
        } finally {
            client.shutdown(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    private static StatefulRedisConnection<String, String> connect(RedisClient client, int port) {
        return client.connect(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(2)).build());
    }

    // Polling the nodes is the only readiness signal a cluster gives.
    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }
}
