package io.herald.campaign.store;

import io.herald.campaign.CampaignStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A campaign as its projection {@code campaign:<id>} holds it.
 *
 * @param createdEntryId the {@code campaigns} entry of its created event (null while scheduled)
 * @param audienceBatches distinct audience batches seen
 * @param audienceLastBatch number of the last audience batch, once seen
 * @param recipients recipients in the audience batches seen
 */
public record CampaignRecord(String id, String name, String category, String subject, String message,
                             List<String> channels, CampaignStatus status, Instant createdAt, Instant scheduledAt,
                             Instant completedAt, Instant cancelledAt, String createdEntryId, long audienceBatches,
                             Long audienceLastBatch, long recipients) {

    static final String ID = "id";
    static final String NAME = "name";
    static final String CATEGORY = "category";
    static final String SUBJECT = "subject";
    static final String MESSAGE = "message";
    static final String CHANNELS = "channels";
    static final String CREATED_AT = "createdAt";
    static final String SCHEDULED_AT = "scheduledAt";
    static final String CREATED_ENTRY_ID = "createdEntryId";

    /** Reads a projection hash; {@code channels} is stored as a JSON array. */
    static CampaignRecord from(String id, Map<String, String> hash, List<String> channels) {
        return new CampaignRecord(id, hash.get(NAME), hash.get(CATEGORY), hash.get(SUBJECT), hash.get(MESSAGE), channels,
                CampaignStatus.valueOf(hash.getOrDefault("status", CampaignStatus.ACCEPTED.name())),
                instant(hash.get(CREATED_AT)), instant(hash.get(SCHEDULED_AT)), instant(hash.get("completedAt")),
                instant(hash.get("cancelledAt")), hash.get(CREATED_ENTRY_ID),
                Long.parseLong(hash.getOrDefault("audienceBatches", "0")),
                hash.containsKey("audienceLastBatch") ? Long.valueOf(hash.get("audienceLastBatch")) : null,
                Long.parseLong(hash.getOrDefault("recipients", "0")));
    }

    private static Instant instant(String value) {
        return value == null || value.isEmpty() ? null : Instant.parse(value);
    }
}
