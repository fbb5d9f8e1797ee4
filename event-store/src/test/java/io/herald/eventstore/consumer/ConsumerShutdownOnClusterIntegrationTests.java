package io.herald.eventstore.consumer;

import io.herald.testsupport.RealRedisCluster;

/** {@link ConsumerShutdownIntegrationTests} on a Redis Cluster of 3 masters and 3 replicas. */
@RealRedisCluster
class ConsumerShutdownOnClusterIntegrationTests extends ConsumerShutdownIntegrationTests {
}
