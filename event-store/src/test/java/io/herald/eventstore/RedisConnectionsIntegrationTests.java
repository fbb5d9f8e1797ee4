package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

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

    @Test
    void aLaneRepliesOnIoThreadsOfItsOwnWhichStopWithItsParent(TestRedis redis) {
        RedisConnections connections = RedisConnections.create(redis.url());
        RedisConnections lane = connections.lane();

        Set<Thread> own = replyThreads(lane);
        // threads of one pool are named <prefix>-<pool>-<thread>: another pool, not just another thread
        assertThat(pools(own)).isNotEmpty().doesNotContainAnyElementsOf(pools(replyThreads(connections)));

        connections.close();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(own).noneMatch(Thread::isAlive));
    }

    private static Set<String> pools(Set<Thread> threads) {
        return threads.stream().map(thread -> thread.getName().replaceFirst("-\\d+$", ""))
                .collect(Collectors.toSet());
    }

    /** The threads the replies to a few hundred commands on the shared connection arrive on. */
    private static Set<Thread> replyThreads(RedisConnections connections) {
        return Flux.range(0, 300)
                .flatMap(i -> connections.commands().ping().map(pong -> Thread.currentThread()))
                .collect(Collectors.toSet())
                .block(TIMEOUT);
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
