package io.herald.campaign.progress;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.List;
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
        return redis.xinfoGroups(StreamKeys.CAMPAIGNS)
                .flatMapIterable(UserServiceCursor::groups)
                .map(UserServiceCursor::fields)
                .filter(fields -> USER_SERVICE_GROUP.equals(fields.name()))
                .map(GroupFields::lastDelivered)
                .next()
                // "ERR no such key": nothing has been appended to campaigns yet
                .onErrorResume(RedisCommandExecutionException.class, e -> Mono.empty());
    }

    /** Whether user-service has read the entry. */
    static boolean hasRead(String lastDelivered, String entryId) {
        return lastDelivered != null && entryId != null && StreamIds.compare(lastDelivered, entryId) >= 0;
    }

    private record GroupFields(String name, String lastDelivered) {
    }

    /** Lettuce emits each group's reply, or the whole reply as one list of groups. */
    private static List<List<?>> groups(Object reply) {
        if (reply instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof List<?>) {
            return list.stream().<List<?>>map(group -> (List<?>) group).toList();
        }
        return reply instanceof List<?> list ? List.of(list) : List.of();
    }

    private static GroupFields fields(List<?> flat) {
        String name = null;
        String last = null;
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            String key = String.valueOf(flat.get(i));
            if ("name".equals(key)) {
                name = String.valueOf(flat.get(i + 1));
            } else if ("last-delivered-id".equals(key)) {
                last = String.valueOf(flat.get(i + 1));
            }
        }
        return new GroupFields(name, last);
    }
}
