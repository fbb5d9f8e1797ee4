/** Creating campaigns: POST /api/v1/campaigns and GET /api/v1/campaign/create, validation, idempotency. */
package io.herald.campaign.create;
