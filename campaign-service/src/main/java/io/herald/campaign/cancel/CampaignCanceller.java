package io.herald.campaign.cancel;

import io.herald.campaign.CampaignMetrics;
import io.herald.campaign.CampaignStatus;
import io.herald.campaign.store.CampaignCancelled;
import io.herald.campaign.store.Campaigns;
import io.herald.campaign.store.CampaignLedger;
import io.herald.campaign.store.CampaignView;
import io.herald.campaign.store.CampaignViews;
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
    private final EventCodec codec;
    private final RedisClusterReactiveCommands<String, String> redis;
    private final CampaignMetrics metrics;

    CampaignCanceller(Campaigns campaigns, CampaignViews views, CampaignLedger ledger,
                      EventCodec codec, RedisConnections connections, CampaignMetrics metrics) {
        this.metrics = metrics;
        this.campaigns = campaigns;
        this.views = views;
        this.ledger = ledger;
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
                    return ledger.end(campaignId, CampaignStatus.CANCELLED, cancelled)
                            .flatMap(prior -> Mono.<Long>error(ended(campaignId, prior.name())))
                            .switchIfEmpty(Mono.defer(() -> redis.sadd(StreamKeys.cancelledCampaigns(), campaignId)
                                    .doOnSuccess(added -> {
                                        log.info("campaign {} cancelled", campaignId);
                                        metrics.cancelled();
                                    })));
                })
                .then(views.find(campaignId));
    }

    private static ProblemException ended(String campaignId, String outcome) {
        return new ProblemException(HttpStatus.CONFLICT, "Campaign has ended",
                "campaign " + campaignId + " is " + outcome + " and cannot be cancelled");
    }
}
