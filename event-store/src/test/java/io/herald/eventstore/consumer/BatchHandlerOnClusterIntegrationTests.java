package io.herald.eventstore.consumer;

import io.herald.testsupport.RealRedisCluster;

/** {@link BatchHandlerIntegrationTests} on a Redis Cluster of 3 masters and 3 replicas. */
@RealRedisCluster
class BatchHandlerOnClusterIntegrationTests extends BatchHandlerIntegrationTests {
}
