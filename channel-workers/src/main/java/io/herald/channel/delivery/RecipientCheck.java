package io.herald.channel.delivery;

import io.herald.eventstore.StreamKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The send-time check of a batch (docs/channel-workers.md): is each recipient still there, still
 * subscribed to the campaign's category, and does it still want the channel? One {@code HMGET}
 * per distinct recipient, all sent at once (one pipelined round trip per batch).
 *
 * <p>This reads user-service's hash {@code user:<id>} (fields {@code categories}, {@code channels}):
 * a deliberate cross-service read of a published contract (docs/design.md), because the answer
 * must be as of the send, not as of the audience resolution, and a copy kept here would lag behind
 * the very opt-out it is meant to honour. Transactional notifications are exempt from category
 * and channel preferences: only a deleted recipient skips them. Thread-safe.
 */
final class RecipientCheck {

    private static final String[] FIELDS = {"name", "categories", "channels"};

    private final RedisClusterReactiveCommands<String, String> redis;
    private final boolean enabled;

    /** @param enabled {@code false} lets everything through (herald.workers.recipient-check, for measuring its cost) */
    RecipientCheck(RedisClusterReactiveCommands<String, String> redis, boolean enabled) {
        this.redis = redis;
        this.enabled = enabled;
    }

    /** notificationId → why it must not be sent, for those of {@code notifications} that must not. */
    Mono<Map<String, String>> unwanted(Collection<Notification> notifications) {
        if (!enabled) {
            return Mono.just(Map.of());
        }
        List<String> users = notifications.stream().map(Notification::userId).distinct().toList();
        return Flux.fromIterable(users)
                .flatMap(userId -> redis.hmget(StreamKeys.user(userId), FIELDS).collectList()
                        .map(values -> Map.entry(userId, values)), users.size() + 1)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(byUser -> {
                    Map<String, String> unwanted = new HashMap<>();
                    for (Notification notification : notifications) {
                        String reason = reason(notification, byUser.get(notification.userId()));
                        if (reason != null) {
                            unwanted.put(notification.notificationId(), reason);
                        }
                    }
                    return unwanted;
                });
    }

    private static String reason(Notification notification, List<KeyValue<String, String>> values) {
        if (values == null || values.stream().noneMatch(KeyValue::hasValue)) {
            return "recipient " + notification.userId() + " no longer exists";
        }
        if (notification.transactional()) {
            return null;
        }
        String category = notification.category();
        if (category != null && !split(values.get(1)).contains(category)) {
            return "recipient unsubscribed from " + category;
        }
        if (!split(values.get(2)).contains(notification.channel())) {
            return "recipient no longer wants " + notification.channel();
        }
        return null;
    }

    private static List<String> split(KeyValue<String, String> value) {
        String csv = value.getValueOrElse("");
        return csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).collect(Collectors.toList());
    }
}
