package io.herald.bench.e2e;

import io.herald.eventstore.RedisConnections;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.Map;

/**
 * The bench's own Redis connection, for reading counters and delivery records (blocking calls:
 * the harness is a command-line program), to one Redis or to a cluster ({@code url} a
 * comma-separated list of node URLs). Reconnects by itself after a Redis restart.
 */
public final class RedisAccess implements AutoCloseable {

    private final RedisConnections connections;
    private final RedisClusterCommands<String, String> sync;

    public RedisAccess(String url) {
        this.connections = RedisConnections.createFor(url);
        this.sync = RedisConnections.sync(connections.dedicated());
    }

    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    public boolean isCluster() {
        return connections.isCluster();
    }

    /** The fields of {@code INFO <section>} as a map (of one node of a cluster). */
    public Map<String, String> info(String section) {
        return parseInfo(sync().info(section));
    }

    /** {@code INFO} text as a map of its fields. */
    public static Map<String, String> parseInfo(String info) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    public long usedMemory() {
        return Long.parseLong(info("memory").getOrDefault("used_memory", "0"));
    }

    @Override
    public void close() {
        connections.close();
    }
}
