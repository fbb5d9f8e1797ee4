package io.herald.campaign.store;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignStatus;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads campaigns from their projections. A campaign that is known (in the campaign index) but
 * whose projection is missing is rebuilt from the streams on the way. Thread-safe.
 */
@Component
public class Campaigns {

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;
    private final ProjectionRebuilder rebuilder;
    private final CampaignHistory history;

    Campaigns(RedisConnections connections, EventCodec codec, ProjectionRebuilder rebuilder, CampaignHistory history) {
        this.redis = connections.commands();
        this.codec = codec;
        this.rebuilder = rebuilder;
        this.history = history;
    }

    /** The campaign's events as the API shows them, in the order they occurred. */
    public Flux<HistoryEvent> events(String campaignId) {
        return history.events(campaignId);
    }

    /**
     * Rebuilds {@code campaign:<id>} and its event index from the streams alone, trusting nothing
     * derived. Emits true when the campaign is known (in the campaign index).
     */
    public Mono<Boolean> rebuildFromStreams(String campaignId) {
        return rebuilder.rebuildFromStreams(campaignId);
    }

    /** The campaign, or empty when there is no such campaign. */
    public Mono<CampaignRecord> find(String campaignId) {
        return read(campaignId)
                .switchIfEmpty(Mono.defer(() -> rebuilder.rebuild(campaignId)
                        .flatMap(known -> known ? read(campaignId) : Mono.empty())));
    }

    /** The projection as stored; empty when it is missing. */
    public Mono<CampaignRecord> read(String campaignId) {
        return redis.hgetall(StreamKeys.campaign(campaignId))
                .collectMap(KeyValue::getKey, KeyValue::getValue)
                .filter(hash -> hash.containsKey(CampaignRecord.ID))
                .map(hash -> toRecord(campaignId, hash));
    }

    /**
     * Campaigns newest first, optionally only those with {@code status}, at most {@code limit};
     * examines at most {@code maxScan} campaigns of the index.
     */
    public Flux<CampaignRecord> newestFirst(CampaignStatus status, int limit, int maxScan) {
        return newestFirst(status, 0, limit, maxScan);
    }

    /**
     * As {@link #newestFirst(CampaignStatus, int, int)}, after skipping the first {@code offset}
     * matching campaigns (a page further down the list). Unfiltered, the skip is done by the index.
     */
    public Flux<CampaignRecord> newestFirst(CampaignStatus status, int offset, int limit, int maxScan) {
        if (status == null && offset > 0) {
            return redis.zrevrangebyscore(CampaignKeys.campaignIndex(), Range.unbounded(), Limit.create(offset, limit))
                    .flatMapSequential(this::find, 32);
        }
        int page = Math.max(limit, 100);
        return Flux.range(0, (maxScan + page - 1) / page)
                .concatMap(n -> redis.zrevrangebyscore(CampaignKeys.campaignIndex(), Range.unbounded(),
                        Limit.create((long) n * page, page)).collectList(), 1)
                .takeUntil(ids -> ids.size() < page)
                .concatMap(ids -> Flux.fromIterable(ids).flatMapSequential(this::find, 32))
                .filter(campaign -> status == null || campaign.status() == status)
                .skip(offset)
                .take(limit);
    }

    private CampaignRecord toRecord(String campaignId, Map<String, String> hash) {
        String json = hash.getOrDefault(CampaignRecord.CHANNELS, "[]");
        List<String> channels = Arrays.stream(codec.decode(json, String[].class)).collect(Collectors.toList());
        return CampaignRecord.from(campaignId, hash, List.copyOf(channels));
    }
}
