package io.herald.campaign.store;

import io.herald.campaign.CampaignKeys;
import io.herald.eventstore.Channels;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles {@link CampaignView}s: the projection plus the progress counters of every channel
 * stream (partition) of the campaign, read pipelined, or, once the campaign's records expired, the
 * final counters kept in {@code {campaign:<id>}:retained}. Thread-safe.
 */
@Component
public class CampaignViews {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    /**
     * The campaign's view. An ended campaign whose records expired shows the final counters kept
     * for it ({@link #retain}); any other shows the live counters.
     */
    public Mono<CampaignView> of(CampaignRecord c) {
        Mono<Map<String, ChannelProgress>> counters = c.status().terminal()
                ? retainedProgress(c.id()).switchIfEmpty(Mono.defer(() -> progress(c))) : progress(c);
        return counters.map(progress -> new CampaignView(c.id(), c.name(), c.category(), c.subject(), c.message(),
                c.channels(), c.status(), c.createdAt(), c.scheduledAt(), c.completedAt(), c.cancelledAt(),
                c.recipients(), progress));
    }

    /**
     * Keeps {@code view}'s counters as the campaign's final ones, before its records expire at
     * {@code expiredAt}. Idempotent: a second call (a retried expiry) keeps what the first kept,
     * which the live counters, expired meanwhile, could no longer tell.
     */
    public Mono<Void> retain(CampaignView view, Instant expiredAt) {
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        view.progress().forEach((channel, progress) -> counters.put(channel, progress.toMap()));
        String key = CampaignKeys.retained(view.id());
        return redis.hsetnx(key, "progress", JSON.writeValueAsString(counters))
                .then(redis.hsetnx(key, "expiredAt", expiredAt.toString()))
                .then();
    }

    /** When the campaign's per-notification records expired; empty while they are kept. */
    public Mono<Instant> detailExpiredAt(String campaignId) {
        return redis.hget(CampaignKeys.retained(campaignId), "expiredAt").map(Instant::parse);
    }

    private Mono<Map<String, ChannelProgress>> retainedProgress(String campaignId) {
        return redis.hget(CampaignKeys.retained(campaignId), "progress").map(json -> {
            Map<String, ChannelProgress> progress = new LinkedHashMap<>();
            JSON.readTree(json).properties().forEach(channel -> {
                Map<String, String> counters = new LinkedHashMap<>();
                channel.getValue().properties().forEach(c -> counters.put(c.getKey(), c.getValue().asString()));
                progress.put(channel.getKey(), ChannelProgress.of(counters));
            });
            return progress;
        });
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
