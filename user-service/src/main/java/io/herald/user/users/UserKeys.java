package io.herald.user.users;

import io.herald.eventstore.StreamKeys;

/**
 * Keys private to user-service's write path (the shared ones, {@code user:<id>}, the category
 * member sets and {@code users}, are built in {@link StreamKeys}). Each is tagged with the key
 * it is written with, so that every script touches one Redis Cluster slot.
 */
final class UserKeys {

    private UserKeys() {
    }

    /**
     * The last accepted change of each user: hash user id → stream id of its latest event in
     * {@code users}. Tagged {@code {users}}: the change is accepted and appended in one step.
     * Users never changed through the API (seeded ones) have no entry.
     */
    static String versions() {
        return "{" + StreamKeys.USERS + "}:versions";
    }

    /**
     * Marks a deleted user (string: stream id of its deletion), in the user's slot, so that an
     * older event applied late cannot bring the user back.
     */
    static String tombstone(String userId) {
        return "user-deleted:{" + StreamKeys.user(userId) + "}";
    }
}
