package io.herald.campaign.retention;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.store.CampaignViews;
import io.herald.campaign.store.Campaigns;
import io.herald.eventstore.Channels;
import io.herald.eventstore.Periodic;
import io.herald.eventstore.RedisConnections;
import io.herald.kit.KitProperties;
import io.herald.kit.retention.RetentionBacklog;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Lets the per-notification records of ended campaigns go: every {@code herald.retention.interval}
 * it takes the campaigns that ended more than {@code herald.retention.after-completion} ago from
 * {@code {campaigns}:ended}, keeps each one's final counters ({@link CampaignViews#retain}), takes its
 * notifications out of the users' histories ({@link HistoryEntries}), expires each of its records
 * ({@link CampaignRecords}; {@code PEXPIREAT}, one command per key, pipelined)
 * and only then takes it off the set, so a pass cut short is done again. Scheduled and running
 * campaigns are never on the set. With several instances two may expire the same campaign: every
 * step is idempotent.
 *
 * <p>Why this is safe (docs/design.md §9): a campaign ends when every notification has an outcome,
 * so no entry of it is pending any more and no redelivery can ask for an expired record.
 */
@Component
class EndedCampaigns implements SmartLifecycle, RetentionBacklog {

    private static final Logger log = LoggerFactory.getLogger(EndedCampaigns.class);
    private static final int PER_PASS = 100;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Campaigns campaigns;
    private final CampaignViews views;
    private final Channels channels;
    private final KitProperties.Retention retention;
    private final HistoryEntries history;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong awaiting = new AtomicLong();
    private final Counter expired;
    private volatile Disposable ticks;

    EndedCampaigns(RedisConnections connections, Campaigns campaigns, CampaignViews views, Channels channels,
                   KitProperties kit, MeterRegistry registry) {
        this.redis = connections.commands();
        this.campaigns = campaigns;
        this.views = views;
        this.channels = channels;
        this.retention = kit.retention();
        this.history = new HistoryEntries(redis);
        this.expired = Counter.builder("herald.retention.campaigns.expired")
                .description("ended campaigns whose per-notification records were expired").register(registry);
        Gauge.builder("herald.retention.campaigns.awaiting", awaiting, AtomicLong::get)
                .description("ended campaigns whose per-notification records are still kept").register(registry);
    }

    /** One pass: expires the records of every campaign due; emits how many campaigns it expired. */
    Mono<Long> expireDue() {
        Instant now = clock.instant();
        long endedBefore = now.minus(retention.afterCompletion()).toEpochMilli();
        return redis.zrangebyscore(CampaignKeys.endedCampaigns(), Range.create(0L, endedBefore),
                        Limit.create(0, PER_PASS))
                .concatMap(id -> expire(id, now).thenReturn(id))
                .count()
                .flatMap(count -> redis.zcard(CampaignKeys.endedCampaigns())
                        .doOnNext(awaiting::set)
                        .flatMap(left -> count == PER_PASS ? expireDue().map(more -> count + more) : Mono.just(count)));
    }

    private Mono<Void> expire(String campaignId, Instant now) {
        return campaigns.find(campaignId)
                .flatMap(campaign -> views.of(campaign)
                        .flatMap(view -> views.retain(view, now))
                        .then(Flux.fromIterable(CampaignRecords.streams(campaign, channels))
                                .concatMap(stream -> history.forget(stream, campaignId))
                                .then())
                        .then(Flux.fromIterable(CampaignRecords.keys(campaign, channels))
                                .flatMap(key -> redis.pexpireat(key, now.toEpochMilli()))
                                .then())
                        .doOnSuccess(done -> log.info("campaign {}: per-notification records expired, final counters kept",
                                campaignId)))
                .then(redis.zrem(CampaignKeys.endedCampaigns(), campaignId))
                .doOnSuccess(removed -> expired.increment())
                .then();
    }

    @Override
    public Mono<Map<String, Object>> details() {
        return redis.zcard(CampaignKeys.endedCampaigns())
                .map(count -> Map.<String, Object>of("campaignsAwaitingExpiry", count,
                        "afterCompletion", retention.afterCompletion().toString()));
    }

    @Override
    public void start() {
        ticks = Periodic.every(Duration.ZERO, retention.interval(), this::expireDue, log, "expiring ended campaigns");
    }

    @Override
    public void stop() {
        Disposable running = ticks;
        if (running != null) {
            running.dispose();
            ticks = null;
        }
    }

    @Override
    public boolean isRunning() {
        return ticks != null;
    }
}
