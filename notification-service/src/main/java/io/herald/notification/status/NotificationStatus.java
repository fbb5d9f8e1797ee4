package io.herald.notification.status;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Answer to {@code GET /api/v1/notifications/{notificationId}}.
 *
 * @param status {@code QUEUED} (no outcome yet), {@code DELIVERED}, {@code FAILED},
 *     {@code DEAD_LETTERED} or {@code CANCELLED}
 * @param attempts delivery attempts behind the outcome; 0 while queued
 * @param lastError why the last attempt failed; absent when it did not
 * @param deliveredAt when it was delivered; absent unless {@code DELIVERED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NotificationStatus(String notificationId, String status, int attempts, String lastError, String deliveredAt) {

    static final String QUEUED = "QUEUED";
    static final String DELIVERED = "DELIVERED";

    static NotificationStatus queued(String notificationId) {
        return new NotificationStatus(notificationId, QUEUED, 0, null, null);
    }

    static NotificationStatus of(String notificationId, Outcome outcome) {
        String error = outcome.error() == null || outcome.error().isBlank() ? null : outcome.error();
        return new NotificationStatus(notificationId, outcome.status(), outcome.attempts(), error,
                DELIVERED.equals(outcome.status()) ? outcome.at() : null);
    }
}
