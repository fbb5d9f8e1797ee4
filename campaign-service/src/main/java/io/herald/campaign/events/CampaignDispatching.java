package io.herald.campaign.events;

import java.time.Instant;

/** Payload of {@code campaign_campaign_dispatching}: the first audience batch of the campaign was seen. */
public record CampaignDispatching(String campaignId, Instant dispatchingAt) {
}
