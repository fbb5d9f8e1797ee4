package io.herald.user.users;

import java.time.Instant;

/** Payload of {@code user_user_deleted}. */
record UserDeleted(String id, Instant deletedAt) {
}
