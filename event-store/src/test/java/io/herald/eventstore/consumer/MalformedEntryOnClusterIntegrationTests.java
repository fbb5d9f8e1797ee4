package io.herald.eventstore.consumer;

import io.herald.testsupport.RealRedisCluster;

/** {@link MalformedEntryIntegrationTests} on a Redis Cluster of 3 masters and 3 replicas. */
@RealRedisCluster
class MalformedEntryOnClusterIntegrationTests extends MalformedEntryIntegrationTests {
}
