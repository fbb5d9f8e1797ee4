package io.herald.campaign.completion;

import io.herald.eventstore.GroupInfo;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamEntryId;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How far user-service has read the {@code campaigns} stream: the last-delivered id of its
 * consumer group. A campaign whose created entry is at or before it is being resolved.
 */
@Component
class UserServiceCursor {

    static final String USER_SERVICE_GROUP = "user-service";

    private final RedisClusterReactiveCommands<String, String> redis;

    UserServiceCursor(RedisConnections connections) {
        this.redis = connections.commands();
    }

    /** The group's last-delivered id; empty when the group does not exist (yet). */
    Mono<String> lastDelivered() {
        return GroupInfo.of(redis, StreamKeys.CAMPAIGNS, USER_SERVICE_GROUP)
                .mapNotNull(fields -> (String) fields.get("last-delivered-id"));
    }

    /** Whether user-service has read the entry. */
    static boolean hasRead(String lastDelivered, String entryId) {
        return lastDelivered != null && entryId != null && StreamEntryId.compare(lastDelivered, entryId) >= 0;
    }
}
