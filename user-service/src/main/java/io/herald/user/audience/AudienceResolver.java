package io.herald.user.audience;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns a campaign into {@code user_audience_resolved} batches on {@code audiences}, each
 * recipient exactly once, also across crashes and retries:
 *
 * <ol>
 *   <li>the category's members are frozen on the first attempt ({@code COPY} to a per-campaign
 *       snapshot, kept {@code snapshotTtl}), so every attempt splits the same audience into the
 *       same batches (by rank, in id order);</li>
 *   <li>each batch is appended together with a record of its number in one Lua step, and a batch
 *       already recorded is never appended again; the envelope id is
 *       {@code deterministicId("audience:<campaignId>:<batch>")}.</li>
 * </ol>
 *
 * A category without members gives one empty last batch. Users deleted after the snapshot are
 * left out; with campaign channels, each recipient gets those of them it has chosen, and one
 * without any is left out. Thread-safe.
 */
@Component
public class AudienceResolver {

    private static final Logger log = LoggerFactory.getLogger(AudienceResolver.class);
    private static final LuaScript APPEND = LuaScript.fromClasspath("io/herald/user/audience/append-batch.lua");
    private static final String LAST = "last";

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;
    private final AudienceProperties properties;
    private final AudienceReader reader;

    AudienceResolver(RedisConnections connections, EventCodec codec, AudienceProperties properties) {
        this.redis = connections.commands();
        this.reader = new AudienceReader(connections);
        this.codec = codec;
        this.properties = properties;
    }

    /**
     * Appends the batches of {@code campaign} not appended before; emits the number of each batch
     * it appended, in order, and completes when the whole audience is out.
     */
    Flux<Integer> resolve(CampaignCreated campaign) {
        String marker = StreamKeys.audienceBatches(campaign.campaignId());
        String snapshot = StreamKeys.audienceSnapshot(campaign.category(), campaign.campaignId());
        return redis.hgetall(marker).collectMap(KeyValue::getKey, KeyValue::getValue).flatMapMany(done -> {
            if (complete(done)) {
                return Flux.empty();
            }
            return freeze(campaign, snapshot, !done.isEmpty()).flatMapMany(size -> {
                int batches = size == 0 ? 1 : (int) ((size + properties.batchSize() - 1) / properties.batchSize());
                return Flux.range(0, batches)
                        .filter(batch -> !done.containsKey(Integer.toString(batch)))
                        .flatMapSequential(batch -> envelope(campaign, snapshot, batch, batch == batches - 1),
                                properties.batchesAhead())
                        .concatMap(batch -> append(marker, batch))
                        .concatWith(redis.del(snapshot).then(Mono.<Integer>empty()));
            });
        });
    }

    private static boolean complete(Map<String, String> done) {
        String last = done.get(LAST);
        return last != null && done.size() - 1 >= Integer.parseInt(last) + 1;
    }

    /** Copies the category's members to the snapshot unless a snapshot exists; emits the audience size. */
    private Mono<Long> freeze(CampaignCreated campaign, String snapshot, boolean partlyDone) {
        return redis.copy(StreamKeys.categoryMembers(campaign.category()), snapshot)
                .flatMap(copied -> {
                    if (copied && partlyDone) {
                        log.warn("campaign {}: audience snapshot was gone (older than {}?); the remaining batches "
                                + "come from the current members of {}", campaign.campaignId(),
                                properties.snapshotTtl(), campaign.category());
                    }
                    return copied ? redis.pexpire(snapshot, properties.snapshotTtl()).then(redis.zcard(snapshot))
                            : redis.zcard(snapshot);
                });
    }

    private record Prepared(int batch, boolean last, EventEnvelope envelope) {
    }

    private Mono<Prepared> envelope(CampaignCreated campaign, String snapshot, int batch, boolean last) {
        long first = (long) batch * properties.batchSize();
        return reader.read(snapshot, first, first + properties.batchSize() - 1, campaign.channels())
                .map(recipients -> new Prepared(batch, last, codec.envelope(
                        EventEnvelope.deterministicId("audience:" + campaign.campaignId() + ":" + batch),
                        EventNames.AUDIENCE_RESOLVED,
                        new AudienceResolved(campaign.campaignId(), campaign.channels(), recipients, batch, last,
                                campaign.subject(), campaign.message(), campaign.name(), campaign.category()))));
    }

    private Mono<Integer> append(String marker, Prepared prepared) {
        List<String> args = new ArrayList<>(13);
        args.add(Integer.toString(prepared.batch()));
        args.add(prepared.last() ? "1" : "0");
        args.add(Long.toString(properties.markerTtl().toMillis()));
        args.addAll(prepared.envelope().toArgs());
        return APPEND.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {StreamKeys.AUDIENCES, marker},
                        args.toArray(String[]::new))
                .next()
                .flatMap(appended -> appended == 1 ? Mono.just(prepared.batch()) : Mono.empty());
    }
}
