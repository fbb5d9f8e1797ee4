/**
 * What notification-service puts on channel streams, shared by campaign and transactional
 * notifications: the {@code notification_message_queued} payload, the deterministic
 * {@link io.herald.notification.queue.NotificationId}, and which stream a notification belongs to
 * ({@link io.herald.notification.queue.Channels}: channels, partitions, priority lanes).
 */
package io.herald.notification.queue;
