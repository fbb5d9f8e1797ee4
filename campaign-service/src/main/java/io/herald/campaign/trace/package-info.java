/**
 * Traceability: {@code GET /api/v1/campaigns/{id}/notifications} pages through a campaign's
 * notification outcomes, read from channel-workers' outcome records (docs/traceability.md).
 */
package io.herald.campaign.trace;
