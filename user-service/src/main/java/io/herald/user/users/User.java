package io.herald.user.users;

import static io.herald.eventstore.UserHash.CATEGORIES;
import static io.herald.eventstore.UserHash.CHANNELS;
import static io.herald.eventstore.UserHash.CREATED_AT;
import static io.herald.eventstore.UserHash.DEVICE_TOKEN;
import static io.herald.eventstore.UserHash.EMAIL;
import static io.herald.eventstore.UserHash.NAME;
import static io.herald.eventstore.UserHash.PHONE;
import static io.herald.eventstore.UserHash.UPDATED_AT;

import io.herald.eventstore.UserHash;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user as the API shows it and as the {@code user_user_created/updated} events carry it. Stored
 * as the hash {@code user:<id>} ({@link UserHash}), see {@link #toHash()}.
 *
 * @param id short numeric id, increasing with creation time
 * @param categories categories the user subscribed to
 * @param channels channels the user wants to be reached on; each has its contact field set
 */
public record User(String id, String name, String email, String phone, String deviceToken,
                   List<String> categories, List<String> channels, Instant createdAt, Instant updatedAt) {

    public User {
        categories = List.copyOf(categories);
        channels = List.copyOf(channels);
    }

    /** The hash fields; absent contact fields are left out rather than stored empty. */
    public Map<String, String> toHash() {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put(NAME, name);
        putIfPresent(hash, EMAIL, email);
        putIfPresent(hash, PHONE, phone);
        putIfPresent(hash, DEVICE_TOKEN, deviceToken);
        hash.put(CATEGORIES, UserHash.join(categories));
        hash.put(CHANNELS, UserHash.join(channels));
        hash.put(CREATED_AT, createdAt.toString());
        if (updatedAt != null) {
            hash.put(UPDATED_AT, updatedAt.toString());
        }
        return hash;
    }

    /** The user stored under {@code id}, or null when the hash is empty (no such user). */
    public static User fromHash(String id, Map<String, String> hash) {
        if (hash == null || hash.isEmpty()) {
            return null;
        }
        String updated = hash.get(UPDATED_AT);
        return new User(id, hash.get(NAME), hash.get(EMAIL), hash.get(PHONE), hash.get(DEVICE_TOKEN),
                UserHash.list(hash.get(CATEGORIES)), UserHash.list(hash.get(CHANNELS)), Instant.parse(hash.get(CREATED_AT)),
                updated == null ? null : Instant.parse(updated));
    }

    public User withPreferences(List<String> newCategories, List<String> newChannels, Instant at) {
        return new User(id, name, email, phone, deviceToken, newCategories, newChannels, createdAt, at);
    }

    private static void putIfPresent(Map<String, String> hash, String field, String value) {
        if (value != null) {
            hash.put(field, value);
        }
    }
}
