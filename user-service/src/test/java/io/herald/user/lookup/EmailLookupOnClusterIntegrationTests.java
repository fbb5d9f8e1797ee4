package io.herald.user.lookup;

import io.herald.testsupport.RealRedisCluster;

/**
 * {@link EmailLookupIntegrationTests} on a Redis Cluster of 3 masters: the index walk reads and
 * writes each user's entry with commands of its own slot, since the one-script read of a single
 * Redis would span slots.
 */
@RealRedisCluster
class EmailLookupOnClusterIntegrationTests extends EmailLookupIntegrationTests {
}
