/**
 * What notification-service puts on channel streams, shared by campaign and transactional
 * notifications: the {@code notification_message_queued} payload, the deterministic
 * {@link io.herald.notification.queue.NotificationId} and which stream a notification belongs to
 * (its priority lane, or its bulk partition by {@link io.herald.eventstore.Channels}).
 */
package io.herald.notification.queue;
