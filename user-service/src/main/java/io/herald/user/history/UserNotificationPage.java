package io.herald.user.history;

import java.util.List;

/** A page of a user's notifications, newest first; {@code nextCursor} null means the end. */
public record UserNotificationPage(List<UserNotification> items, String nextCursor) {
}
