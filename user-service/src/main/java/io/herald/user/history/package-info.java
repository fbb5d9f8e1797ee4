/**
 * A user's notification history, {@code GET /api/v1/users/{id}/notifications}: read from the
 * per-day index channel-workers write with each outcome (docs/traceability.md).
 */
package io.herald.user.history;
