package io.herald.campaign.cancel;

import io.herald.campaign.CampaignMetrics;
import io.herald.campaign.CampaignStatus;
import io.herald.campaign.events.CampaignCancelled;
import io.herald.campaign.history.Campaigns;
import io.herald.campaign.history.Projection;
import io.herald.campaign.ledger.CampaignLedger;
import io.herald.campaign.view.CampaignView;
import io.herald.campaign.view.CampaignViews;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.ProblemException;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Cancels a scheduled or running campaign: {@code campaign_campaign_cancelled} is appended in the
 * same atomic step that takes it off the schedule and the active set (so it can neither be
 * released nor completed afterwards), then its id goes into {@code campaigns:cancelled}, where
 * channel-workers look before sending and count dropped notifications as {@code cancelled}.
 */
@Component
class CampaignCanceller {

    private static final Logger log = LoggerFactory.getLogger(CampaignCanceller.class);

    private final Campaigns campaigns;
    private final CampaignViews views;
    private final CampaignLedger ledger;
    private final Projection projection;
    private final EventCodec codec;
    private final RedisClusterReactiveCommands<String, String> redis;
    private final CampaignMetrics metrics;

    CampaignCanceller(Campaigns campaigns, CampaignViews views, CampaignLedger ledger, Projection projection,
                      EventCodec codec, RedisConnections connections, CampaignMetrics metrics) {
        this.metrics = metrics;
        this.campaigns = campaigns;
        this.views = views;
        this.ledger = ledger;
        this.projection = projection;
        this.codec = codec;
        this.redis = connections.commands();
    }

    /** The cancelled campaign; 404 when unknown, 409 when it has completed or was cancelled before. */
    Mono<CampaignView> cancel(String campaignId) {
        return campaigns.find(campaignId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("campaign " + campaignId)))
                .flatMap(campaign -> {
                    if (campaign.status().terminal()) {
                        return Mono.error(ended(campaignId, campaign.status().name()));
                    }
                    EventEnvelope cancelled = codec.envelope(EventNames.CAMPAIGN_CANCELLED,
                            new CampaignCancelled(campaignId, Instant.now()));
                    return ledger.end(campaignId, CampaignStatus.CANCELLED.name(), cancelled)
                            .flatMap(ended -> ended.fresh()
                                    ? redis.sadd(StreamKeys.cancelledCampaigns(), campaignId)
                                            .then(projection.apply(StreamKeys.CAMPAIGNS, ended.entryIdOrPriorOutcome(),
                                                    cancelled, false))
                                            .doOnSuccess(applied -> {
                                                log.info("campaign {} cancelled", campaignId);
                                                metrics.cancelled();
                                            })
                                    : Mono.error(ended(campaignId, ended.entryIdOrPriorOutcome())));
                })
                .then(views.find(campaignId));
    }

    private static ProblemException ended(String campaignId, String outcome) {
        return new ProblemException(HttpStatus.CONFLICT, "Campaign has ended",
                "campaign " + campaignId + " is " + outcome + " and cannot be cancelled");
    }
}
