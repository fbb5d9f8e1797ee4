package io.herald.user.users;

import java.util.List;

/**
 * One page of users, in id order. A page may hold fewer than {@code limit} users (deleted users
 * leave gaps); the listing ends when {@code nextCursor} is null.
 */
record UserPage(List<User> items, String nextCursor) {
}
