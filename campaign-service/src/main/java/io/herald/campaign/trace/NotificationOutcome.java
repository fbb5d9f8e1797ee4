package io.herald.campaign.trace;

/**
 * One notification of a campaign as its outcome record tells it.
 *
 * @param status DELIVERED, FAILED, DEAD_LETTERED, CANCELLED or SKIPPED
 * @param attempts delivery attempts made (0 for a skipped one)
 * @param lastError why it failed, was dead-lettered or skipped; null when delivered
 * @param settledAt when the outcome was recorded (ISO-8601)
 */
public record NotificationOutcome(String notificationId, String userId, String channel, String status, int attempts,
                                  String lastError, String settledAt) {
}
