package io.herald.user.seed;

import io.herald.testsupport.RealRedisCluster;

/**
 * {@link SeedingIntegrationTests} on a Redis Cluster of 3 masters: the seeder's pipelined writes
 * (one {@code HSET} per user, one {@code ZADD} per category) go to each key's node.
 */
@RealRedisCluster
class SeedingOnClusterIntegrationTests extends SeedingIntegrationTests {
}
