package io.herald.campaign.store;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.store.AudienceBatch;
import io.herald.campaign.store.CampaignCancelled;
import io.herald.campaign.store.CampaignCompleted;
import io.herald.campaign.store.CampaignDetails;
import io.herald.campaign.store.CampaignRef;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Folds events into the projection {@code campaign:<id>} and the campaign's event index, in one
 * Lua step per event ({@code apply.lua}). Applying an event twice changes nothing, and the order of
 * events does not matter (status only moves forward), so the API, the stream consumers of every
 * instance and a rebuild may all apply the same events. Thread-safe.
 */
@Component
class Projection {

    /** The result of applying an event: apply.lua's return code. */
    enum Applied {
        DUPLICATE, APPLIED, BECAME_DISPATCHING;

        static Applied of(long code) {
            return switch ((int) code) {
                case 0 -> DUPLICATE;
                case 1 -> APPLIED;
                case 2 -> BECAME_DISPATCHING;
                default -> throw new IllegalStateException("apply.lua answered " + code);
            };
        }
    }

    private static final LuaScript APPLY = LuaScript.fromClasspath("io/herald/campaign/apply.lua");

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;

    Projection(RedisConnections connections, EventCodec codec) {
        this.redis = connections.commands();
        this.codec = codec;
    }

    /**
     * Applies one event read at {@code stream}/{@code entryId}; {@code replay} skips the index
     * (the event comes from it). Emits nothing for events that are not about a campaign.
     *
     * @throws io.herald.eventstore.MalformedEntryException (as an error signal) when the payload does not parse
     */
    Mono<Applied> apply(String stream, String entryId, EventEnvelope event, boolean replay) {
        return Mono.fromCallable(() -> change(stream, entryId, event))
                .flatMap(change -> {
                    if (change.campaignId() == null || change.campaignId().isBlank()) {
                        return Mono.error(new MalformedEntryException(event.event() + " without campaignId"));
                    }
                    return run(change, event.id(), location(stream, entryId, event), replay);
                });
    }

    /** Marks a campaign RESOLVING (derived from user-service's group, not from an event of its own). */
    Mono<Applied> resolving(String campaignId) {
        return run(new Change(campaignId, "resolving", "", List.of()), "", "", false);
    }

    private record Change(String campaignId, String kind, String at, List<String> args) {
    }

    private Change change(String stream, String entryId, EventEnvelope event) {
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

    private Mono<Applied> run(Change change, String envelopeId, String location, boolean replay) {
        String[] keys = {StreamKeys.campaign(change.campaignId()), CampaignKeys.campaignEvents(change.campaignId())};
        List<String> args = new ArrayList<>(List.of(envelopeId, location, replay ? "1" : "0", change.kind(), change.at()));
        args.addAll(change.args());
        return APPLY.<Long>run(redis, ScriptOutputType.INTEGER, keys, args.toArray(String[]::new))
                .next()
                .map(Applied::of);
    }

    static String location(String stream, String entryId, EventEnvelope event) {
        return event.occurredAt().toEpochMilli() + " " + stream + " " + entryId;
    }
}
