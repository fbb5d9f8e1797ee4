package io.herald.campaign.store;

import io.herald.campaign.CampaignStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as the API shows it (docs/design.md §4): its fields, status and per-channel progress.
 *
 * @param channels the channels it is restricted to; empty: each subscriber's own
 * @param progress per channel; for a campaign without its own channels, every channel of the deployment
 */
public record CampaignView(String id, String name, String category, String subject, String message,
                           List<String> channels, CampaignStatus status, Instant createdAt, Instant scheduledAt,
                           Instant completedAt, Instant cancelledAt, long recipients,
                           Map<String, ChannelProgress> progress) {

    /** Every targeted notification of every channel has an outcome (rendering may still go on). */
    public boolean allSettled() {
        return progress.values().stream().allMatch(ChannelProgress::settled);
    }
}
