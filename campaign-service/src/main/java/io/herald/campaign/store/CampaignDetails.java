package io.herald.campaign.store;

import java.time.Instant;
import java.util.List;

/**
 * Payload of {@code campaign_campaign_created} and {@code campaign_campaign_scheduled}
 * (docs/design.md).
 *
 * @param channels the channels to restrict delivery to; empty: each subscriber's own channels
 * @param scheduledAt when the campaign is to be released; null for an immediate campaign
 */
public record CampaignDetails(String campaignId, String name, String category, String subject, String message,
                              List<String> channels, Instant createdAt, Instant scheduledAt) {
}
