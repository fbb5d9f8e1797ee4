package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.Channels;
import io.herald.eventstore.RedisConnections;
import io.herald.testsupport.RealRedisCluster;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.test.annotation.DirtiesContext;

/** With {@code spring.data.redis.cluster.nodes} set (by {@link RealRedisCluster}) a service is a cluster client. */
@RealRedisCluster
@SpringBootTest(classes = KitTestApplication.class, properties = "herald.api-key=secret-key")
@DirtiesContext
class ServiceKitOnClusterIntegrationTests {

    @Autowired
    LettuceConnectionFactory factory;

    @Autowired
    RedisConnections connections;

    @Autowired
    Channels channels;

    @Test
    void aLaneOfTheServicesConnectionsHasIoThreadsOfItsOwn() {
        LaneChecks.laneIsLikeTheServicesConnectionsOnThreadsOfItsOwn(connections);
    }

    @Test
    void clusterNodesMakeAClusterClientThatFollowsTheTopologyAndSplitsChannelsInThree() {
        RedisClusterClient client = (RedisClusterClient) factory.getRequiredNativeClient();
        ClusterClientOptions options = (ClusterClientOptions) client.getOptions();

        assertThat(options.getTopologyRefreshOptions().isPeriodicRefreshEnabled()).isTrue();
        assertThat(options.getTopologyRefreshOptions().getRefreshPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.getTopologyRefreshOptions().getAdaptiveRefreshTriggers()).isNotEmpty();
        assertThat(options.getDisconnectedBehavior()).isEqualTo(io.lettuce.core.ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        assertThat(connections.isCluster()).isTrue();
        assertThat(channels.partitions()).isEqualTo(3);
        connections.commands().set("notify:email:2", "x").block(Duration.ofSeconds(5));
        assertThat(connections.commands().get("notify:email:2").block(Duration.ofSeconds(5))).isEqualTo("x");
    }
}
