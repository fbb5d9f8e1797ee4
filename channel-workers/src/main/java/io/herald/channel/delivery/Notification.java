package io.herald.channel.delivery;

/**
 * The payload of a {@code notification_message_queued} entry (docs/design.md): one rendered
 * notification for one recipient on one channel.
 *
 * @param notificationId {@code <campaignId>:<userId>:<channel>}, the idempotency key of the delivery
 * @param campaignId the campaign, or {@code tx-<uuid>} for a transactional notification
 * @param userId the recipient
 * @param channel the channel it was queued for
 * @param to the recipient's address on that channel (e-mail address, phone number, device token)
 * @param subject e-mail subject, push title
 * @param body plain-text body
 * @param html HTML body (e-mail only, else {@code null})
 * @param attempt 1 when queued; the worker counts the real attempts
 */
public record Notification(String notificationId, String campaignId, String userId, String channel, String to,
                           String subject, String body, String html, int attempt) {

    /** Whether this notification belongs to a transactional send rather than a campaign. */
    public boolean transactional() {
        return campaignId != null && campaignId.startsWith("tx-");
    }
}
