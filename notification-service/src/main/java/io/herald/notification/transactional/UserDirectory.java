package io.herald.notification.transactional;

import io.herald.eventstore.StreamKeys;
import io.herald.notification.render.Recipient;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a user from user-service's hash {@code user:<id>} (fields {@code name, email, phone,
 * deviceToken, channels}). {@code channels} is read as a JSON array ({@code ["email","sms"]}) or,
 * failing that, as a comma-separated list ({@code email,sms}), so that either way of storing it
 * works. Thread-safe.
 */
final class UserDirectory {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final RedisClusterReactiveCommands<String, String> redis;
    private final JsonMapper json;

    UserDirectory(RedisClusterReactiveCommands<String, String> redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** The user as a recipient; empty when there is no such user. */
    Mono<Recipient> find(String userId) {
        return redis.hgetall(StreamKeys.user(userId))
                .collectMap(KeyValue::getKey, KeyValue::getValue)
                .filter(fields -> !fields.isEmpty())
                .map(fields -> toRecipient(userId, fields));
    }

    private Recipient toRecipient(String userId, Map<String, String> fields) {
        return new Recipient(userId, fields.get("name"), fields.get("email"), fields.get("phone"),
                fields.get("deviceToken"), channels(fields.get("channels")));
    }

    List<String> channels(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        String text = stored.strip();
        if (text.startsWith("[")) {
            try {
                return json.readValue(text, STRINGS).stream().map(String::strip).toList();
            } catch (JacksonException e) {
                // not JSON after all: fall through to the comma-separated form
            }
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
