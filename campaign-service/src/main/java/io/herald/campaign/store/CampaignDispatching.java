package io.herald.campaign.store;

import java.time.Instant;

/** Payload of {@code campaign_campaign_dispatching}: the first audience batch of the campaign was seen. */
record CampaignDispatching(String campaignId, Instant dispatchingAt) {
}
