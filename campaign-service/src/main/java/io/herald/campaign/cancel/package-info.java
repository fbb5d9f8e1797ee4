/** Cancelling a scheduled or running campaign (DELETE /api/v1/campaigns/{id}). */
package io.herald.campaign.cancel;
