package io.herald.eventstore.retention;

import io.herald.testsupport.RealRedisCluster;

/**
 * {@link StreamTrimmerIntegrationTests} on a Redis Cluster of 3 masters and 3 replicas: the two
 * streams live in different slots, each trimmed by its own call.
 */
@RealRedisCluster
class StreamTrimmerOnClusterIntegrationTests extends StreamTrimmerIntegrationTests {
}
