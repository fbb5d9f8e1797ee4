package io.herald.testsupport;

import io.lettuce.core.MigrateArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Moves one slot of a local cluster from its master to another, key by key, the way
 * {@code redis-cli --cluster reshard} does it ({@code CLUSTER SETSLOT … IMPORTING/MIGRATING},
 * {@code MIGRATE} per key, {@code SETSLOT … NODE} on every master) — but slowly, so that clients
 * meet the slot half-moved ({@code ASK}, {@code TRYAGAIN}).
 */
final class SlotMove {

    private SlotMove() {
    }

    /**
     * @param masters the ports of the masters
     * @param pause how long the slot stays half-moved after each key (the point of the exercise)
     * @return the port of the master that owned the slot before
     */
    static int move(List<Integer> masters, int slot, int targetPort, Duration pause) {
        RedisClient client = RedisClient.create();
        Map<Integer, StatefulRedisConnection<String, String>> nodes = new HashMap<>();
        try {
            masters.forEach(port -> nodes.put(port, client.connect(RedisURI.create("127.0.0.1", port))));
            int sourcePort = owner(nodes.get(targetPort).sync(), slot);
            if (sourcePort == targetPort) {
                return sourcePort;
            }
            RedisCommands<String, String> source = nodes.get(sourcePort).sync();
            RedisCommands<String, String> target = nodes.get(targetPort).sync();
            String sourceId = source.clusterMyId();
            String targetId = target.clusterMyId();
            target.clusterSetSlotImporting(slot, sourceId);
            source.clusterSetSlotMigrating(slot, targetId);
            for (List<String> keys = source.clusterGetKeysInSlot(slot, 1); !keys.isEmpty();
                    keys = source.clusterGetKeysInSlot(slot, 1)) {
                source.migrate("127.0.0.1", targetPort, 0, 5000, MigrateArgs.Builder.keys(keys));
                pause(pause);
            }
            target.clusterSetSlotNode(slot, targetId);
            source.clusterSetSlotNode(slot, targetId);
            nodes.forEach((port, node) -> {
                if (port != sourcePort && port != targetPort) {
                    node.sync().clusterSetSlotNode(slot, targetId);
                }
            });
            return sourcePort;
        } finally {
            nodes.values().forEach(StatefulRedisConnection::close);
            client.shutdown(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** The port of the master that serves {@code slot}, from {@code CLUSTER NODES}. */
    static int owner(RedisCommands<String, String> node, int slot) {
        for (String line : node.clusterNodes().split("\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 9 || !fields[2].contains("master")) {
                continue;
            }
            for (int i = 8; i < fields.length; i++) {
                if (fields[i].startsWith("[")) {
                    continue; // a slot being imported or migrated, listed by its current owner elsewhere
                }
                String[] range = fields[i].split("-");
                int from = Integer.parseInt(range[0]);
                int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                if (slot >= from && slot <= to) {
                    return Integer.parseInt(fields[1].substring(fields[1].indexOf(':') + 1, fields[1].indexOf('@')));
                }
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    // The pause is the test's subject (time spent half-moved), not a wait for a condition.
    private static void pause(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while moving a slot", e);
        }
    }
}
