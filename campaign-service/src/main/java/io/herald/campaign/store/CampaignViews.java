package io.herald.campaign.store;

import io.herald.eventstore.Channels;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assembles {@link CampaignView}s: the projection plus the progress counters of every channel
 * stream (partition) of the campaign, read pipelined. Thread-safe.
 */
@Component
public class CampaignViews {

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Channels channels;
    private final Campaigns campaigns;

    CampaignViews(RedisConnections connections, Channels channels, Campaigns campaigns) {
        this.redis = connections.commands();
        this.channels = channels;
        this.campaigns = campaigns;
    }

    /** The campaign's view; empty when there is no such campaign. */
    public Mono<CampaignView> find(String campaignId) {
        return campaigns.find(campaignId).flatMap(this::of);
    }

    public Mono<CampaignView> of(CampaignRecord c) {
        return progress(c).map(progress -> new CampaignView(c.id(), c.name(), c.category(), c.subject(), c.message(),
                c.channels(), c.status(), c.createdAt(), c.scheduledAt(), c.completedAt(), c.cancelledAt(),
                c.recipients(), progress));
    }

    /** Whether notification-service has rendered every audience batch, so that {@code targeted} is final. */
    public Mono<Boolean> renderingFinal(String campaignId) {
        // by name: the hash also holds one batch:<n> marker per rendered batch
        return redis.hmget(StreamKeys.rendered(campaignId), "batches", "lastBatch")
                .collectList()
                .map(values -> values.get(0).hasValue() && values.get(1).hasValue()
                        && Long.parseLong(values.get(0).getValue()) == Long.parseLong(values.get(1).getValue()) + 1);
    }

    private Mono<Map<String, ChannelProgress>> progress(CampaignRecord c) {
        List<String> names = c.channels().isEmpty() ? channels.names() : c.channels();
        return Flux.fromIterable(names)
                .flatMapSequential(channel -> Flux.fromIterable(channels.bulkStreams(channel))
                        .flatMap(stream -> redis.hgetall(StreamKeys.progress(stream, c.id()))
                                .collectMap(KeyValue::getKey, KeyValue::getValue)
                                .map(ChannelProgress::of))
                        .reduce(ChannelProgress.NONE, ChannelProgress::plus)
                        .map(sum -> Map.entry(channel, sum)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }
}
