package io.herald.notification.queue;

/**
 * The payload of {@code notification_message_queued} (docs/design.md): what a channel worker
 * needs to deliver one notification, and nothing it has to look up.
 *
 * @param html the e-mail HTML part; null on other channels
 * @param attempt 1 when queued; the worker knows the real attempt
 * @param category the campaign's category, which the worker checks the recipient is still
 *     subscribed to and names in the unsubscribe link; null for a transactional notification
 */
public record NotificationQueued(String notificationId, String campaignId, String userId, String channel, String to,
                                 String subject, String body, String html, int attempt,
                                 String category) {
}
