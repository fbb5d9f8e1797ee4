package io.herald.notification.transactional;

import java.util.List;

/** Answer to {@code POST /api/v1/notifications}: one id per channel, in the order queued. */
record NotificationsQueued(List<String> notificationIds) {
}
