package io.herald.eventstore.consumer;

import io.herald.testsupport.RealRedisCluster;

/** {@link ConsumerGroupIntegrationTests} on a Redis Cluster of 3 masters and 3 replicas. */
@RealRedisCluster
class ConsumerGroupOnClusterIntegrationTests extends ConsumerGroupIntegrationTests {
}
