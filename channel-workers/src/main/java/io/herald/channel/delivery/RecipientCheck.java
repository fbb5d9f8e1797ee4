package io.herald.channel.delivery;

import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private static final String[] FIELDS = {UserHash.NAME, UserHash.CATEGORIES, UserHash.CHANNELS};

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
        if (users.isEmpty()) {
            return Mono.just(Map.of());
        }
        // Mono.zip, not flatMap: every HMGET is sent at once either way, but flatMap rescans all of
        // its pending inner publishers on each reply (quadratic in the batch); zip counts replies
        List<Mono<List<KeyValue<String, String>>>> reads = users.stream()
                .map(userId -> redis.hmget(StreamKeys.user(userId), FIELDS).collectList()).toList();
        return Mono.zip(reads, replies -> {
            Map<String, List<KeyValue<String, String>>> byUser = new HashMap<>(users.size() * 2);
            for (int i = 0; i < replies.length; i++) {
                @SuppressWarnings("unchecked")
                List<KeyValue<String, String>> values = (List<KeyValue<String, String>>) replies[i];
                byUser.put(users.get(i), values);
            }
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
        if (category != null && !UserHash.lists(values.get(1).getValueOrElse(null), category)) {
            return "recipient unsubscribed from " + category;
        }
        if (!UserHash.lists(values.get(2).getValueOrElse(null), notification.channel())) {
            return "recipient no longer wants " + notification.channel();
        }
        return null;
    }

}
