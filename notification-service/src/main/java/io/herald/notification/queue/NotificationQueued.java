package io.herald.notification.queue;

/**
 * The payload of {@code notification_message_queued} (docs/design.md): what a channel worker
 * needs to deliver one notification, and nothing it has to look up.
 *
 * @param html the e-mail HTML part; null on other channels
 * @param attempt 1 when queued; the worker knows the real attempt
 */
public record NotificationQueued(String notificationId, String campaignId, String userId, String channel, String to,
                                 String subject, String body, String html, int attempt) {
}
