package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.testsupport.RedisClusterProcess;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReplicaAcks} on a Redis Cluster of its own (a replica is killed here): {@code WAIT} goes to
 * the master that owns each written key's slot, so a master whose replica is away fails the wait for
 * its keys only.
 */
class ReplicaAcksOnClusterIntegrationTests {

    private static final String ON_A = "notify:email:0";
    private static final String ON_B = "notify:email:1";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static RedisClusterProcess cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcess.start(RedisServerProcess.findBinary()
                .orElseThrow(() -> new IllegalStateException("no redis-server")));
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @Test
    void aMasterWhoseReplicaIsAwayFailsTheWaitForItsKeysOnlyUntilTheReplicaIsBack() {
        int masterA = cluster.ownerOf(SlotHash.getSlot(ON_A));
        int masterB = cluster.ownerOf(SlotHash.getSlot(ON_B));
        assertThat(masterA).as("the two keys on two masters").isNotEqualTo(masterB);
        try (RedisConnections connections = RedisConnections.createFor(cluster.url())
                .requireReplicaAcks(1, Duration.ofMillis(500))) {
            ReplicaAcks acks = connections.replicaAcks();
            write(connections);
            acks.await(ON_A, ON_B).block(TIMEOUT);

            int replicaA = cluster.replicaOf(masterA);
            cluster.kill(replicaA);
            await().atMost(Duration.ofSeconds(30)).until(() -> !hasOnlineReplica(masterA));
            write(connections);

            assertThatThrownBy(() -> acks.await(ON_A).block(TIMEOUT)).isInstanceOf(ReplicasBehindException.class)
                    .hasMessageContaining(":" + masterA);
            acks.await(ON_B).block(TIMEOUT);

            cluster.restart(replicaA);
            cluster.awaitReady(Duration.ofSeconds(60));
            acks.await(ON_A, ON_B).block(TIMEOUT);
        }
    }

    private static void write(RedisConnections connections) {
        connections.commands().xadd(ON_A, Map.of("n", "1")).block(TIMEOUT);
        connections.commands().xadd(ON_B, Map.of("n", "1")).block(TIMEOUT);
    }

    private static boolean hasOnlineReplica(int masterPort) {
        RedisClient client = RedisClient.create();
        try (StatefulRedisConnection<String, String> master = client.connect(RedisURI.create("127.0.0.1", masterPort))) {
            return master.sync().info("replication").contains(",state=online,");
        } finally {
            client.shutdown();
        }
    }
}
