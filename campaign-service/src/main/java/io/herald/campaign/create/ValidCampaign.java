package io.herald.campaign.create;

import java.time.Instant;
import java.util.List;

/** A {@link CampaignRequest} that passed validation, normalised (trimmed, channels without duplicates). */
record ValidCampaign(String name, String category, String subject, String message, List<String> channels,
                     Instant scheduledAt) {
}
