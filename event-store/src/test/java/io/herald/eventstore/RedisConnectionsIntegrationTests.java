package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@RealRedis
class RedisConnectionsIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aLaneHasAConnectionOfItsOwnAndClosesWithItsParent(TestRedis redis) {
        RedisConnections connections = RedisConnections.create(redis.url());
        RedisConnections lane = connections.lane();
        connections.commands().clientSetname("shared").block(TIMEOUT);
        lane.commands().clientSetname("lane").block(TIMEOUT);

        assertThat(lane.commands().clientId().block(TIMEOUT)).isNotEqualTo(connections.commands().clientId().block(TIMEOUT));
        assertThat(clientList(redis)).contains("name=shared").contains("name=lane");

        connections.close();

        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(clientList(redis)).doesNotContain("name=shared").doesNotContain("name=lane"));
    }

    private static String clientList(TestRedis redis) {
        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> admin = client.connect()) {
            return admin.sync().clientList();
        } finally {
            client.shutdown();
        }
    }
}
