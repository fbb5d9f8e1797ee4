package io.herald.acceptance;

import io.herald.testsupport.RealRedisCluster;

/**
 * {@link CampaignDeliveryIntegrationTests} with the four services on a Redis Cluster of 3 masters
 * and 3 replicas ({@code SPRING_DATA_REDIS_CLUSTER_NODES}), channel streams in 3 partitions:
 * users created, unsubscribed and traced through the same API, each step in one slot.
 */
@RealRedisCluster
class CampaignDeliveryOnClusterIntegrationTests extends CampaignDeliveryIntegrationTests {
}
