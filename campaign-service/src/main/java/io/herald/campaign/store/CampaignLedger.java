package io.herald.campaign.store;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignStatus;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The atomic steps that append a campaign's own events to the {@code campaigns} stream, each one
 * Lua script over keys that share the stream's slot: create (with its {@code Idempotency-Key}),
 * release a schedule exactly once, end (complete or cancel) exactly once. A step that appended
 * its event also applies it to the projection before it answers, so the caller reads its own
 * write; should the process die in between, the history consumers apply it. Thread-safe.
 */
@Component
public class CampaignLedger {

    private static final LuaScript CREATE = LuaScript.fromClasspath("io/herald/campaign/create.lua");
    private static final LuaScript RELEASE = LuaScript.fromClasspath("io/herald/campaign/release.lua");
    private static final LuaScript END = LuaScript.fromClasspath("io/herald/campaign/end.lua");

    /** The answer to a creation. */
    public sealed interface Created {
    }

    /** The campaign was created (and projected) now. */
    public record Fresh() implements Created {
    }

    /** The {@code Idempotency-Key} was used before, for a request hashing to {@code requestHash}. */
    public record Repeated(String requestHash, String campaignId) implements Created {
    }

    /** What to remember under an {@code Idempotency-Key}, and for how long. */
    public record Idempotency(String key, String requestHash, long ttlMillis) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Projection projection;

    CampaignLedger(RedisConnections connections, Projection projection) {
        this.redis = connections.commands();
        this.projection = projection;
    }

    /**
     * Appends the first event of a new campaign (created, or scheduled with {@code dueAt} and the
     * payload to release it with), unless {@code idempotency} names a key already used.
     */
    public Mono<Created> create(String campaignId, Instant createdAt, EventEnvelope event, Instant dueAt,
                                String releasePayload, Idempotency idempotency) {
        List<String> keys = new ArrayList<>(List.of(StreamKeys.CAMPAIGNS, CampaignKeys.campaignIndex(),
                CampaignKeys.activeCampaigns(), CampaignKeys.campaignSchedule(), CampaignKeys.campaignSchedulePayloads()));
        List<String> args = new ArrayList<>(List.of(campaignId, Long.toString(createdAt.toEpochMilli()),
                dueAt == null ? "" : Long.toString(dueAt.toEpochMilli()), releasePayload == null ? "" : releasePayload,
                idempotency == null ? "" : idempotency.requestHash() + " " + campaignId,
                idempotency == null ? "0" : Long.toString(idempotency.ttlMillis())));
        if (idempotency != null) {
            keys.add(CampaignKeys.campaignIdempotency(idempotency.key()));
        }
        args.addAll(event.toArgs());
        return CREATE.runForList(redis, keys.toArray(String[]::new), args.toArray(String[]::new))
                .map(StepReply::of)
                .flatMap(reply -> {
                    if (reply.done()) {
                        return project(reply.value(), event).thenReturn((Created) new Fresh());
                    }
                    String[] stored = reply.value().split(" ", 2);
                    return Mono.just(new Repeated(stored[0], stored[1]));
                });
    }

    /**
     * Releases a scheduled campaign with its created event; emits true when this call released it,
     * false when another instance released or cancelled it first.
     */
    public Mono<Boolean> release(String campaignId, EventEnvelope created) {
        String[] keys = {StreamKeys.CAMPAIGNS, CampaignKeys.campaignSchedule(), CampaignKeys.campaignSchedulePayloads(),
                CampaignKeys.activeCampaigns()};
        List<String> args = new ArrayList<>(List.of(campaignId));
        args.addAll(created.toArgs());
        return RELEASE.<String>run(redis, ScriptOutputType.VALUE, keys, args.toArray(String[]::new))
                .next()
                .flatMap(entryId -> project(entryId, created).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /**
     * Ends a campaign with {@code outcome} and its ending event, unless it has ended already, and
     * puts it on the ended set ({@code {campaigns}:ended}, by the event's time) from which its
     * records expire. Emits empty when this call ended it, else the outcome it had already.
     */
    public Mono<CampaignStatus> end(String campaignId, CampaignStatus outcome, EventEnvelope event) {
        String[] keys = {StreamKeys.CAMPAIGNS, CampaignKeys.campaignOutcomes(), CampaignKeys.activeCampaigns(),
                CampaignKeys.campaignSchedule(), CampaignKeys.campaignSchedulePayloads(), CampaignKeys.endedCampaigns()};
        List<String> args = new ArrayList<>(List.of(campaignId, outcome.name(),
                Long.toString(event.occurredAt().toEpochMilli())));
        args.addAll(event.toArgs());
        return END.runForList(redis, keys, args.toArray(String[]::new))
                .map(StepReply::of)
                .flatMap(reply -> reply.done()
                        ? project(reply.value(), event).then(Mono.<CampaignStatus>empty())
                        : Mono.just(CampaignStatus.valueOf(reply.value())));
    }

    /** Marks a campaign RESOLVING (derived from user-service's group, not from an event of its own). */
    public Mono<Void> resolving(String campaignId) {
        return projection.resolving(campaignId).then();
    }

    /** The payload a scheduled campaign will be released with; empty when it is not scheduled. */
    public Mono<String> releasePayload(String campaignId) {
        return redis.hget(CampaignKeys.campaignSchedulePayloads(), campaignId);
    }

    private Mono<Projection.Applied> project(String entryId, EventEnvelope event) {
        return projection.apply(StreamKeys.CAMPAIGNS, entryId, event, false);
    }

    /** The {@code {done, value}} reply of create.lua and end.lua: 1 and the new entry id, or 0 and what was there. */
    private record StepReply(boolean done, String value) {

        static StepReply of(List<Object> reply) {
            if (reply.size() != 2) {
                throw new IllegalStateException("a ledger step answered " + reply + ", not {done, value}");
            }
            return new StepReply(Long.valueOf(1).equals(reply.get(0)), String.valueOf(reply.get(1)));
        }
    }
}
