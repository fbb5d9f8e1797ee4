package io.herald.campaign.ledger;

import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The atomic steps that append a campaign's own events to the {@code campaigns} stream, each one
 * Lua script over keys that share the stream's slot: create (with its {@code Idempotency-Key}),
 * release a schedule exactly once, end (complete or cancel) exactly once. Thread-safe.
 */
@Component
public class CampaignLedger {

    private static final LuaScript CREATE = LuaScript.fromClasspath("io/herald/campaign/create.lua");
    private static final LuaScript RELEASE = LuaScript.fromClasspath("io/herald/campaign/release.lua");
    private static final LuaScript END = LuaScript.fromClasspath("io/herald/campaign/end.lua");

    /** The answer to a creation: the new entry id, or what an earlier use of the same key stored. */
    public record Created(boolean fresh, String entryIdOrStoredKey) {
    }

    /** The answer to an ending: the new entry id, or the outcome the campaign had already. */
    public record Ended(boolean fresh, String entryIdOrPriorOutcome) {
    }

    /** What to remember under an {@code Idempotency-Key}, and for how long. */
    public record Idempotency(String key, String value, long ttlMillis) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;

    public CampaignLedger(RedisConnections connections) {
        this.redis = connections.commands();
    }

    /**
     * Appends the first event of a new campaign (created, or scheduled with {@code dueAt} and the
     * payload to release it with), unless {@code idempotency} names a key already used.
     */
    public Mono<Created> create(String campaignId, Instant createdAt, EventEnvelope event, Instant dueAt,
                                String releasePayload, Idempotency idempotency) {
        List<String> keys = new ArrayList<>(List.of(StreamKeys.CAMPAIGNS, StreamKeys.campaignIndex(),
                StreamKeys.activeCampaigns(), StreamKeys.campaignSchedule(), StreamKeys.campaignSchedulePayloads()));
        List<String> args = new ArrayList<>(List.of(campaignId, Long.toString(createdAt.toEpochMilli()),
                dueAt == null ? "" : Long.toString(dueAt.toEpochMilli()), releasePayload == null ? "" : releasePayload,
                idempotency == null ? "" : idempotency.value(),
                idempotency == null ? "0" : Long.toString(idempotency.ttlMillis())));
        if (idempotency != null) {
            keys.add(StreamKeys.campaignIdempotency(idempotency.key()));
        }
        addFields(args, event);
        return CREATE.<Object>run(redis, ScriptOutputType.MULTI, keys.toArray(String[]::new), args.toArray(String[]::new))
                .collectList()
                .map(Replies::flat)
                .map(reply -> new Created("1".equals(reply.get(0)), reply.get(1)));
    }

    /**
     * Releases a scheduled campaign with its created event; emits the entry id, or nothing when
     * another instance released or cancelled it first.
     */
    public Mono<String> release(String campaignId, EventEnvelope created) {
        String[] keys = {StreamKeys.CAMPAIGNS, StreamKeys.campaignSchedule(), StreamKeys.campaignSchedulePayloads(),
                StreamKeys.activeCampaigns()};
        List<String> args = new ArrayList<>(List.of(campaignId));
        addFields(args, created);
        return RELEASE.<String>run(redis, ScriptOutputType.VALUE, keys, args.toArray(String[]::new))
                .next();
    }

    /** Ends a campaign with {@code outcome} and its ending event, unless it has ended already. */
    public Mono<Ended> end(String campaignId, String outcome, EventEnvelope event) {
        String[] keys = {StreamKeys.CAMPAIGNS, StreamKeys.campaignOutcomes(), StreamKeys.activeCampaigns(),
                StreamKeys.campaignSchedule(), StreamKeys.campaignSchedulePayloads()};
        List<String> args = new ArrayList<>(List.of(campaignId, outcome));
        addFields(args, event);
        return END.<Object>run(redis, ScriptOutputType.MULTI, keys, args.toArray(String[]::new))
                .collectList()
                .map(Replies::flat)
                .map(reply -> new Ended("1".equals(reply.get(0)), reply.get(1)));
    }

    /** The payload a scheduled campaign will be released with; empty when it is not scheduled. */
    public Mono<String> releasePayload(String campaignId) {
        return redis.hget(StreamKeys.campaignSchedulePayloads(), campaignId);
    }

    private static void addFields(List<String> args, EventEnvelope event) {
        for (Map.Entry<String, String> field : event.toFields().entrySet()) {
            args.add(field.getKey());
            args.add(field.getValue());
        }
    }
}
