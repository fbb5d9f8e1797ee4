package io.herald.notification.transactional;

import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.herald.notification.render.Recipient;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Reads a user from user-service's hash {@code user:<id>} ({@link UserHash}: {@code name, email,
 * phone, deviceToken, channels}). Thread-safe.
 */
final class UserDirectory {

    private final RedisClusterReactiveCommands<String, String> redis;
    UserDirectory(RedisClusterReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    /** The user as a recipient; empty when there is no such user. */
    Mono<Recipient> find(String userId) {
        return redis.hgetall(StreamKeys.user(userId))
                .collectMap(KeyValue::getKey, KeyValue::getValue)
                .filter(fields -> !fields.isEmpty())
                .map(fields -> toRecipient(userId, fields));
    }

    private Recipient toRecipient(String userId, Map<String, String> fields) {
        return new Recipient(userId, fields.get(UserHash.NAME), fields.get(UserHash.EMAIL), fields.get(UserHash.PHONE),
                fields.get(UserHash.DEVICE_TOKEN), UserHash.list(fields.get(UserHash.CHANNELS)));
    }
}
