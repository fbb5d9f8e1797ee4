package io.herald.campaign.store;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.store.CampaignRef;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rebuilds a campaign's projection from the streams. With the campaign's event index at hand it
 * can re-read exactly the indexed entries; otherwise (or when asked to trust nothing derived) it
 * scans {@code campaigns} and {@code audiences} from their start, page by page, and rebuilds the
 * index as well. Events that consumers apply meanwhile are recognised through the index (each
 * apply is one Lua step), so they are counted once.
 */
@Component
class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);
    private static final int PAGE = 500;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Projection projection;
    private final CampaignHistory history;
    private final EventCodec codec;

    ProjectionRebuilder(RedisConnections connections, Projection projection, CampaignHistory history,
                        EventCodec codec) {
        this.codec = codec;
        this.redis = connections.commands();
        this.projection = projection;
        this.history = history;
    }

    /**
     * Rebuilds a missing {@code campaign:<id>}: from the event index when there is one, else from
     * the streams. Emits true when the campaign is known (in the campaign index).
     */
    Mono<Boolean> rebuild(String campaignId) {
        return known(campaignId, redis.del(StreamKeys.campaign(campaignId))
                .then(redis.exists(CampaignKeys.campaignEvents(campaignId)))
                .flatMap(indexed -> indexed > 0 ? fromIndex(campaignId) : fromStreams(campaignId)));
    }

    /**
     * Rebuilds {@code campaign:<id>} and its event index from the streams alone, trusting nothing
     * derived. Emits true when the campaign is known (in the campaign index).
     */
    Mono<Boolean> rebuildFromStreams(String campaignId) {
        return known(campaignId, redis.del(StreamKeys.campaign(campaignId), CampaignKeys.campaignEvents(campaignId))
                .then(fromStreams(campaignId)));
    }

    private Mono<Boolean> known(String campaignId, Mono<Long> rebuild) {
        return redis.zscore(CampaignKeys.campaignIndex(), campaignId)
                .flatMap(known -> rebuild
                        .doOnSuccess(applied -> log.info("rebuilt projection of campaign {} from {} events",
                                campaignId, applied))
                        .thenReturn(true))
                .defaultIfEmpty(false);
    }

    private Mono<Long> fromIndex(String campaignId) {
        return history.entries(campaignId)
                .concatMap(entry -> projection.apply(entry.stream(), entry.entryId(), entry.envelope(), true))
                .count();
    }

    private Mono<Long> fromStreams(String campaignId) {
        // a cheap text filter first; apply() decodes the payload of the few entries that pass it
        String needle = "\"" + campaignId + "\"";
        return Flux.concat(scan(StreamKeys.CAMPAIGNS, "-", needle), scan(StreamKeys.AUDIENCES, "-", needle))
                .concatMap(message -> apply(message, campaignId))
                .count();
    }

    /** The stream's entries whose data mentions the campaign, from {@code start} on, page by page. */
    private Flux<Stream> scan(String stream, String start, String needle) {
        return redis.xrange(stream, Range.create(start, "+"), Limit.create(0, PAGE))
                .collectList()
                .flatMapMany(page -> {
                    Flux<Stream> matches = Flux.fromIterable(page)
                            .filter(m -> m.getBody() != null && m.getBody().getOrDefault(EventEnvelope.DATA, "").contains(needle))
                            .map(m -> new Stream(stream, m));
                    return page.size() < PAGE ? matches
                            : matches.concatWith(scan(stream, "(" + page.get(page.size() - 1).getId(), needle));
                });
    }

    private record Stream(String key, StreamMessage<String, String> message) {
    }

    private Mono<Projection.Applied> apply(Stream found, String campaignId) {
        try {
            EventEnvelope envelope = EventEnvelope.fromFields(found.message().getBody());
            if (!campaignId.equals(codec.decode(envelope, CampaignRef.class).campaignId())) {
                return Mono.empty();
            }
            return projection.apply(found.key(), found.message().getId(), envelope, false);
        } catch (MalformedEntryException e) {
            log.warn("skipping malformed entry {} on {} while rebuilding campaign {}: {}",
                    found.message().getId(), found.key(), campaignId, e.getMessage());
            return Mono.empty();
        }
    }
}
