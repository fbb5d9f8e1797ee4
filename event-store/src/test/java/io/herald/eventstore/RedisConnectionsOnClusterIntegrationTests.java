package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.RealRedisCluster;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

@RealRedisCluster
class RedisConnectionsOnClusterIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void nodeUrlsMakeClusterConnectionsThatReachKeysOnEveryMaster(TestRedis cluster) {
        try (RedisConnections connections = RedisConnections.createFor(cluster.url())) {
            assertThat(connections.isCluster()).isTrue();
            List<String> keys = List.of("notify:email:0", "notify:email:1", "notify:email:2");
            keys.forEach(key -> connections.commands().set(key, key).block(TIMEOUT));

            assertThat(keys).allSatisfy(key -> assertThat(connections.commands().get(key).block(TIMEOUT)).isEqualTo(key));
            assertThat(connections.lane().commands().get("notify:email:1").block(TIMEOUT)).isEqualTo("notify:email:1");
        }
    }

    @Test
    void aBlockingReadOnADedicatedConnectionDoesNotHoldUpTheSharedOne(TestRedis cluster) {
        try (RedisConnections connections = RedisConnections.createFor(cluster.url())) {
            String stream = "notify:sms:0";
            connections.commands().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), "g",
                    XGroupCreateArgs.Builder.mkstream()).block(TIMEOUT);
            StatefulConnection<String, String> dedicated = connections.dedicated();
            assertThat(dedicated).isInstanceOf(StatefulRedisClusterConnection.class);

            Mono<?> blocked = RedisConnections.reactive(dedicated).xreadgroup(Consumer.from("g", "c"),
                    XReadArgs.Builder.block(Duration.ofSeconds(3)), XReadArgs.StreamOffset.lastConsumed(stream)).collectList();
            var subscription = blocked.subscribe();
            long start = System.nanoTime();
            connections.commands().xadd("notify:sms:1", "k", "v").block(TIMEOUT); // same master or not: not delayed
            connections.commands().xlen(stream).block(TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            subscription.dispose();
            connections.release(dedicated);
        }
    }
}
