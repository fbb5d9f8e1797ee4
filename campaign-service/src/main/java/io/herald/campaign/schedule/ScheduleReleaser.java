package io.herald.campaign.schedule;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignMetrics;
import io.herald.campaign.CampaignProperties;
import io.herald.campaign.store.CampaignLedger;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Releases scheduled campaigns when they are due. The schedule lives in Redis (sorted set by due
 * time), so it survives restarts; every instance runs a releaser and {@link CampaignLedger#release}
 * lets exactly one of them append each campaign's created event.
 *
 * <p>The releaser sleeps until the earliest due time, but at most {@code scheduleMaxSleep}, so that
 * an earlier schedule made by another instance is seen in time; a schedule made by this instance
 * wakes it at once ({@link #wake()}). Idle, it costs one {@code ZRANGE} per {@code scheduleMaxSleep}.
 */
@Component
public class ScheduleReleaser implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ScheduleReleaser.class);

    private final RedisClusterReactiveCommands<String, String> redis;
    private final CampaignProperties properties;
    private final CampaignLedger ledger;
    private final CampaignMetrics metrics;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;
    private volatile Disposable loop;

    ScheduleReleaser(RedisConnections connections, CampaignProperties properties, CampaignLedger ledger,
                     CampaignMetrics metrics) {
        this.metrics = metrics;
        this.redis = connections.commands();
        this.properties = properties;
        this.ledger = ledger;
    }

    /** Looks at the schedule now (a campaign was just scheduled). */
    public void wake() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    /** Releases every campaign due now; emits how many this instance released. */
    Mono<Long> releaseDue() {
        return redis.zrangebyscore(CampaignKeys.campaignSchedule(),
                        Range.create(Double.NEGATIVE_INFINITY, (double) System.currentTimeMillis()),
                        Limit.create(0, properties.releaseBatch()))
                .concatMap(this::release)
                .count();
    }

    private Mono<String> release(String campaignId) {
        return ledger.releasePayload(campaignId)
                .map(payload -> EventEnvelope.withId(EventEnvelope.deterministicId("campaign-created:" + campaignId),
                        EventNames.CAMPAIGN_CREATED, payload))
                .flatMap(created -> ledger.release(campaignId, created)
                        .filter(released -> released)
                        .map(released -> {
                            log.info("released scheduled campaign {}", campaignId);
                            metrics.released();
                            return campaignId;
                        }))
                .switchIfEmpty(Mono.defer(() -> redis.zscore(CampaignKeys.campaignSchedule(), campaignId)
                        .flatMap(stillScheduled -> {
                            // never happens through the ledger, which removes both together; do not spin on it
                            log.error("scheduled campaign {} has no payload to release it with; dropping it", campaignId);
                            return redis.zrem(CampaignKeys.campaignSchedule(), campaignId);
                        })
                        .then(Mono.empty())));
    }

    /** How long to sleep: until the earliest schedule, at most {@code scheduleMaxSleep}. */
    private Mono<Duration> nextSleep() {
        Duration max = properties.scheduleMaxSleep();
        return redis.zrangeWithScores(CampaignKeys.campaignSchedule(), 0, 0)
                .next()
                .map(earliest -> Duration.ofMillis(Math.max(0, (long) earliest.getScore() - System.currentTimeMillis())))
                .map(untilDue -> untilDue.compareTo(max) < 0 ? untilDue : max)
                .defaultIfEmpty(max);
    }

    private Mono<Void> cycle() {
        return releaseDue()
                .then(nextSleep())
                .onErrorResume(e -> {
                    log.warn("releasing schedules failed, retrying: {}", e.toString());
                    return Mono.just(properties.scheduleMaxSleep());
                })
                .flatMap(sleep -> Mono.firstWithSignal(Mono.delay(sleep).then(), wakeUps.asFlux().next().then()))
                .then();
    }

    @Override
    public void start() {
        running = true;
        loop = Flux.defer(this::cycle).repeat(() -> running).subscribe();
    }

    @Override
    public void stop() {
        running = false;
        Disposable current = loop;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
