package io.herald.campaign.events;

import java.util.List;
import java.util.Map;

/**
 * What campaign-service reads of {@code user_audience_resolved}: which campaign, which batch, whether
 * it is the last, and how many recipients it holds.
 */
public record AudienceBatch(String campaignId, int batch, boolean lastBatch, List<Map<String, Object>> recipients) {

    public int size() {
        return recipients == null ? 0 : recipients.size();
    }
}
