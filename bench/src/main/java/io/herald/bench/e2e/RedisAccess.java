package io.herald.bench.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;

/**
 * The bench's own Redis connection, for reading counters and delivery records (blocking calls:
 * the harness is a command-line program). Reconnects by itself after a Redis restart.
 */
public final class RedisAccess implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    public RedisAccess(String url) {
        this.client = RedisClient.create(url);
        this.client.setDefaultTimeout(Duration.ofSeconds(10));
        this.connection = client.connect();
    }

    public RedisCommands<String, String> sync() {
        return connection.sync();
    }

    /** The fields of {@code INFO <section>} as a map. */
    public Map<String, String> info(String section) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String line : sync().info(section).split("\r?\n")) {
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
        connection.close();
        client.shutdown();
    }
}
