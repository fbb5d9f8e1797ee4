package io.herald.campaign.completion;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignMetrics;
import io.herald.campaign.CampaignProperties;
import io.herald.campaign.CampaignStatus;
import io.herald.campaign.progress.ProgressBroadcast;
import io.herald.campaign.store.CampaignCompleted;
import io.herald.campaign.store.CampaignLedger;
import io.herald.campaign.store.CampaignView;
import io.herald.campaign.store.CampaignViews;
import io.herald.campaign.store.Campaigns;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Once per tick ({@code herald.campaign.tick}), looks at the active campaigns (released, not
 * ended) and at those someone follows on {@code /progress}; with none, a tick costs one
 * {@code SMEMBERS}. Each is advanced to RESOLVING when due ({@link ResolvingTracker}), and a
 * DISPATCHING campaign is ended as COMPLETED when rendering is final ({@code rendered:<id>}:
 * {@code batches == lastBatch + 1}) and every channel is settled. Ending goes through
 * {@link CampaignLedger#end}, so with several instances checking, {@code campaign_campaign_completed}
 * is still appended exactly once. Every view computed is published to the {@link ProgressBroadcast}.
 */
@Component
class CompletionChecker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompletionChecker.class);

    private final RedisClusterReactiveCommands<String, String> redis;
    private final CampaignProperties properties;
    private final Campaigns campaigns;
    private final CampaignViews views;
    private final CampaignLedger ledger;
    private final ResolvingTracker resolving;
    private final ProgressBroadcast broadcast;
    private final EventCodec codec;
    private final CampaignMetrics metrics;
    private volatile Disposable ticks;

    CompletionChecker(RedisConnections connections, CampaignProperties properties, Campaigns campaigns,
                      CampaignViews views, CampaignLedger ledger, ResolvingTracker resolving,
                      ProgressBroadcast broadcast, EventCodec codec, CampaignMetrics metrics) {
        this.redis = connections.commands();
        this.properties = properties;
        this.campaigns = campaigns;
        this.views = views;
        this.ledger = ledger;
        this.resolving = resolving;
        this.broadcast = broadcast;
        this.codec = codec;
        this.metrics = metrics;
    }

    /** One check of every active and watched campaign; completes when all are checked. */
    Mono<Void> tick() {
        return redis.smembers(CampaignKeys.activeCampaigns())
                .collect(() -> new LinkedHashSet<>(broadcast.watched()), Set::add)
                .filter(ids -> !ids.isEmpty())
                .flatMap(ids -> {
                    Mono<String> cursor = resolving.cursorOfTick();
                    return Flux.fromIterable(ids)
                            .flatMap(id -> campaigns.find(id)
                                    .flatMap(campaign -> resolving.advance(campaign, cursor))
                                    .flatMap(views::of)
                                    .flatMap(this::completeIfSettled), 16)
                            .doOnNext(broadcast::publish)
                            .then();
                });
    }

    // only a DISPATCHING campaign completes: its audience has been seen here, so its history
    // reads created → audience → dispatching → … → completed even if this instance lags behind
    private Mono<CampaignView> completeIfSettled(CampaignView view) {
        if (view.status() != CampaignStatus.DISPATCHING || !view.allSettled()) {
            return Mono.just(view);
        }
        return views.renderingFinal(view.id()).flatMap(finished -> finished ? complete(view) : Mono.just(view));
    }

    private Mono<CampaignView> complete(CampaignView view) {
        Map<String, Map<String, Long>> counters = new LinkedHashMap<>();
        view.progress().forEach((channel, progress) -> counters.put(channel, progress.toMap()));
        EventEnvelope completed = codec.envelope(EventEnvelope.deterministicId("campaign-completed:" + view.id()),
                EventNames.CAMPAIGN_COMPLETED, new CampaignCompleted(view.id(), Instant.now(), counters));
        return ledger.end(view.id(), CampaignStatus.COMPLETED, completed)
                .switchIfEmpty(Mono.fromRunnable(() -> {
                    log.info("campaign {} completed: {}", view.id(), counters);
                    metrics.completed();
                }))
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
        broadcast.close();
    }

    @Override
    public boolean isRunning() {
        return ticks != null && !ticks.isDisposed();
    }
}
