package io.herald.user;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** Test access to the Redis of a started user-service, once it has seeded its default categories. */
public final class SeededRedis {

    private SeededRedis() {
    }

    /**
     * {@code current}, or a new synchronous connection of the service's own when {@code current} is
     * null, after waiting until Finance, Movies and Sports exist.
     */
    public static RedisClusterCommands<String, String> await(RedisConnections connections,
                                                             RedisClusterCommands<String, String> current) {
        RedisClusterCommands<String, String> redis = current != null ? current : RedisConnections.sync(connections.dedicated());
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> redis.smembers(StreamKeys.CATEGORIES).containsAll(List.of("Finance", "Movies", "Sports")));
        return redis;
    }
}
