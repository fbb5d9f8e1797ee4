package io.herald.campaign.store;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import java.util.ArrayList;
import java.util.List;

/**
 * What an event changes in a campaign's projection, as arguments of {@code apply.lua}: the pure
 * half of {@link Projection}, so that every event's mapping is checked without Redis. Thread-safe.
 */
final class ProjectionChanges {

    private final EventCodec codec;

    ProjectionChanges(EventCodec codec) {
        this.codec = codec;
    }

    /** The change that marks a campaign RESOLVING (derived, not an event of its own). */
    static Change resolving(String campaignId) {
        return new Change(campaignId, "resolving", "", List.of());
    }

    /** One change: the campaign, apply.lua's kind, when, and the kind's arguments. */
    record Change(String campaignId, String kind, String at, List<String> args) {
    }

    /**
     * The change {@code event} (read at {@code stream}/{@code entryId}) makes; null for an event that
     * is not about a campaign.
     */
    Change of(String stream, String entryId, EventEnvelope event) {
        String at = event.occurredAt().toString();
        switch (event.event()) {
            case EventNames.CAMPAIGN_CREATED, EventNames.CAMPAIGN_SCHEDULED -> {
                CampaignDetails details = codec.decode(event, CampaignDetails.class);
                boolean created = event.event().equals(EventNames.CAMPAIGN_CREATED);
                List<String> fields = new ArrayList<>(List.of(
                        CampaignRecord.ID, details.campaignId(), CampaignRecord.NAME, details.name(),
                        CampaignRecord.CATEGORY, details.category(), CampaignRecord.SUBJECT, details.subject(),
                        CampaignRecord.MESSAGE, details.message(),
                        CampaignRecord.CHANNELS, codec.encode(details.channels() == null ? List.of() : details.channels()),
                        CampaignRecord.CREATED_AT, details.createdAt().toString()));
                if (details.scheduledAt() != null) {
                    fields.addAll(List.of(CampaignRecord.SCHEDULED_AT, details.scheduledAt().toString()));
                }
                if (created) {
                    fields.addAll(List.of(CampaignRecord.CREATED_ENTRY_ID, entryId));
                }
                return new Change(details.campaignId(), created ? "created" : "scheduled", at, fields);
            }
            case EventNames.AUDIENCE_RESOLVED -> {
                AudienceBatch batch = codec.decode(event, AudienceBatch.class);
                return new Change(batch.campaignId(), "audience", at, List.of(Integer.toString(batch.batch()),
                        batch.lastBatch() ? "1" : "0", Integer.toString(batch.size())));
            }
            case EventNames.CAMPAIGN_DISPATCHING -> {
                return new Change(ref(event), "dispatching", at, List.of());
            }
            case EventNames.CAMPAIGN_COMPLETED -> {
                CampaignCompleted completed = codec.decode(event, CampaignCompleted.class);
                return new Change(completed.campaignId(), "completed", completed.completedAt().toString(), List.of());
            }
            case EventNames.CAMPAIGN_CANCELLED -> {
                CampaignCancelled cancelled = codec.decode(event, CampaignCancelled.class);
                return new Change(cancelled.campaignId(), "cancelled", cancelled.cancelledAt().toString(), List.of());
            }
            default -> {
                return null;
            }
        }
    }

    private String ref(EventEnvelope event) {
        return codec.decode(event, CampaignRef.class).campaignId();
    }

}
