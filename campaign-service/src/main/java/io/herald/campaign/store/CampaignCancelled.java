package io.herald.campaign.store;

import java.time.Instant;

/** Payload of {@code campaign_campaign_cancelled}. */
public record CampaignCancelled(String campaignId, Instant cancelledAt) {
}
