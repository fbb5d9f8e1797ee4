package io.herald.campaign.progress;

import io.herald.campaign.CampaignMetrics;
import io.herald.campaign.CampaignProperties;
import io.herald.campaign.CampaignStatus;
import io.herald.campaign.events.CampaignCompleted;
import io.herald.campaign.history.CampaignRecord;
import io.herald.campaign.history.Campaigns;
import io.herald.campaign.history.Projection;
import io.herald.campaign.ledger.CampaignLedger;
import io.herald.campaign.view.CampaignView;
import io.herald.campaign.view.CampaignViews;
import io.herald.campaign.view.ChannelProgress;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Once per tick ({@code herald.campaign.tick}), looks at the active campaigns (released, not
 * ended) and at those someone follows on {@code /progress}; with none, a tick costs one
 * {@code SMEMBERS}. For each it reads the progress counters, promotes ACCEPTED to RESOLVING once
 * user-service's group has read the created entry, and ends a DISPATCHING campaign as COMPLETED when
 * rendering is final ({@code rendered:<id>}: {@code batches == lastBatch + 1}) and every channel
 * is settled. Ending goes through {@link CampaignLedger#end}, so with several instances
 * checking, {@code campaign_campaign_completed} is still appended exactly once.
 *
 * <p>Every view computed on a tick is published to {@link #updates(String)}.
 */
@Component
public class CompletionChecker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompletionChecker.class);

    private final RedisReactiveCommands<String, String> redis;
    private final CampaignProperties properties;
    private final Campaigns campaigns;
    private final CampaignViews views;
    private final Projection projection;
    private final CampaignLedger ledger;
    private final EventCodec codec;
    private final UserServiceCursor cursor;
    private final CampaignMetrics metrics;
    private final Sinks.Many<CampaignView> published = Sinks.many().multicast().directBestEffort();
    private final Map<String, AtomicInteger> watched = new ConcurrentHashMap<>();
    private volatile Disposable ticks;

    CompletionChecker(RedisConnections connections, CampaignProperties properties, Campaigns campaigns,
                      CampaignViews views, Projection projection, CampaignLedger ledger, EventCodec codec,
                      UserServiceCursor cursor, CampaignMetrics metrics) {
        this.metrics = metrics;
        this.redis = connections.commands();
        this.properties = properties;
        this.campaigns = campaigns;
        this.views = views;
        this.projection = projection;
        this.ledger = ledger;
        this.codec = codec;
        this.cursor = cursor;
    }

    /** Views of one campaign as the ticks compute them, while subscribed (the campaign is watched meanwhile). */
    public Flux<CampaignView> updates(String campaignId) {
        return Flux.defer(() -> {
            watched.computeIfAbsent(campaignId, id -> new AtomicInteger()).incrementAndGet();
            return published.asFlux().filter(view -> view.id().equals(campaignId));
        }).doFinally(signal -> watched.computeIfPresent(campaignId,
                (id, count) -> count.decrementAndGet() <= 0 ? null : count));
    }

    /**
     * Views of every active or watched campaign as the ticks compute them (each tick re-emits all
     * of them, changed or not), for as long as the caller is subscribed; nothing is watched extra.
     */
    public Flux<CampaignView> allUpdates() {
        return published.asFlux();
    }

    /** One check of every active and watched campaign; completes when all are checked. */
    Mono<Void> tick() {
        return redis.smembers(StreamKeys.activeCampaigns())
                .collect(() -> new LinkedHashSet<>(watched.keySet()), Set::add)
                .filter(ids -> !ids.isEmpty())
                .flatMap(ids -> {
                    Mono<String> userServiceCursor = cursor.lastDelivered().cache();
                    return Flux.fromIterable(ids)
                            .flatMap(id -> campaigns.find(id).flatMap(c -> check(c, userServiceCursor)), 16)
                            .doOnNext(published::tryEmitNext)
                            .then();
                });
    }

    private Mono<CampaignView> check(CampaignRecord campaign, Mono<String> userServiceCursor) {
        if (campaign.status() == CampaignStatus.ACCEPTED) {
            return userServiceCursor
                    .filter(last -> UserServiceCursor.hasRead(last, campaign.createdEntryId()))
                    .flatMap(last -> projection.resolving(campaign.id()).then(campaigns.read(campaign.id())))
                    .defaultIfEmpty(campaign)
                    .flatMap(views::of);
        }
        // only a DISPATCHING campaign completes: its audience has been seen here, so its history
        // reads created → audience → dispatching → … → completed even if this instance lags behind
        return views.of(campaign).flatMap(view -> view.status() != CampaignStatus.DISPATCHING || !view.allSettled()
                ? Mono.just(view)
                : views.renderingFinal(view.id()).flatMap(finished -> finished ? complete(view) : Mono.just(view)));
    }

    private Mono<CampaignView> complete(CampaignView view) {
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        view.progress().forEach((channel, progress) -> counters.put(channel, progress.toMap()));
        EventEnvelope completed = codec.envelope(EventEnvelope.deterministicId("campaign-completed:" + view.id()),
                EventNames.CAMPAIGN_COMPLETED, new CampaignCompleted(view.id(), Instant.now(), counters));
        return ledger.end(view.id(), CampaignStatus.COMPLETED.name(), completed)
                .flatMap(ended -> {
                    if (ended.fresh()) {
                        log.info("campaign {} completed: {}", view.id(), counters);
                        metrics.completed();
                        return projection.apply(StreamKeys.CAMPAIGNS, ended.entryIdOrPriorOutcome(), completed, false);
                    }
                    return Mono.empty();
                })
                .then(views.find(view.id()));
    }

    @Override
    public void start() {
        ticks = Flux.interval(properties.tick(), properties.tick())
                .onBackpressureDrop()
                .concatMap(n -> tick().onErrorResume(e -> {
                    log.warn("completion check failed: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = ticks;
        if (running != null) {
            running.dispose();
        }
        published.tryEmitComplete();
    }

    @Override
    public boolean isRunning() {
        return ticks != null && !ticks.isDisposed();
    }
}
