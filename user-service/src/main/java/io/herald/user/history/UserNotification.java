package io.herald.user.history;

/**
 * One settled notification of a user.
 *
 * @param campaignId the campaign, or {@code tx-<uuid>} for a transactional notification
 * @param status DELIVERED, FAILED, DEAD_LETTERED, CANCELLED or SKIPPED; EXPIRED when the outcome
 *     record is gone while the index still names it
 * @param lastError why it failed or was skipped; null when delivered
 * @param settledAt when its outcome was recorded (ISO-8601)
 */
public record UserNotification(String notificationId, String campaignId, String channel, String status,
                               int attempts, String lastError, String settledAt) {
}
