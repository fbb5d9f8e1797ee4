/**
 * {@code GET /api/v1/notifications/{notificationId}}: the status of one notification, read from the
 * outcome record channel-workers write when they settle it.
 */
package io.herald.notification.status;
