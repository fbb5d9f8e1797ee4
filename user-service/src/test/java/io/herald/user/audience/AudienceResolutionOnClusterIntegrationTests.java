package io.herald.user.audience;

import io.herald.testsupport.RealRedisCluster;

/**
 * {@link AudienceResolutionIntegrationTests} on a Redis Cluster of 3 masters: each batch's users are
 * read with one {@code HMGET} per user, each on its user's node, since the one-script read of a
 * single Redis would span slots.
 */
@RealRedisCluster
class AudienceResolutionOnClusterIntegrationTests extends AudienceResolutionIntegrationTests {
}
