package io.herald.campaign.store;

import java.time.Instant;
import java.util.Map;

/**
 * Payload of {@code campaign_campaign_completed}, with the final counters per channel
 * ({@code targeted, delivered, failed, deadLettered, cancelled}).
 */
public record CampaignCompleted(String campaignId, Instant completedAt, Map<String, Map<String, Long>> progress) {
}
