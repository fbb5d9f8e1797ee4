package io.herald.campaign.create;

import io.herald.campaign.CampaignMetrics;
import io.herald.campaign.CampaignProperties;
import io.herald.campaign.store.CampaignDetails;
import io.herald.campaign.store.CampaignLedger;
import io.herald.campaign.schedule.ScheduleReleaser;
import io.herald.campaign.store.CampaignView;
import io.herald.campaign.store.CampaignViews;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates campaigns: appends {@code campaign_campaign_created} (or {@code …_scheduled} when
 * {@code scheduledAt} is set) and projects it at once, so the campaign can be read as soon as the
 * answer is out. With an {@code Idempotency-Key}, the key and a hash of the normalised request are
 * stored in the same atomic step as the append: a repeat with the same request returns the first
 * campaign and appends nothing; a repeat with another request is a 409. With
 * {@code herald.redis.replica-acks} the answer waits until the replicas hold the append (else 503).
 */
@Component
class CampaignCreator {

    private static final Logger log = LoggerFactory.getLogger(CampaignCreator.class);

    private final CampaignLedger ledger;
    private final CampaignViews views;
    private final ScheduleReleaser releaser;
    private final EventCodec codec;
    private final CampaignProperties properties;
    private final CampaignMetrics metrics;
    private final ReplicaAcks replicaAcks;

    CampaignCreator(CampaignLedger ledger, CampaignViews views, ScheduleReleaser releaser,
                    EventCodec codec, CampaignProperties properties, CampaignMetrics metrics,
                    RedisConnections connections) {
        this.replicaAcks = connections.replicaAcks();
        this.metrics = metrics;
        this.ledger = ledger;
        this.views = views;
        this.releaser = releaser;
        this.codec = codec;
        this.properties = properties;
    }

    /** The created campaign, or the one created earlier under the same idempotency key. */
    Mono<CampaignView> create(ValidCampaign campaign, String idempotencyKey) {
        String id = UUID.randomUUID().toString();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CampaignDetails details = new CampaignDetails(id, campaign.name(), campaign.category(), campaign.subject(),
                campaign.message(), campaign.channels(), createdAt, campaign.scheduledAt());
        boolean scheduled = campaign.scheduledAt() != null;
        EventEnvelope event = scheduled
                ? codec.envelope(EventEnvelope.deterministicId("campaign-scheduled:" + id), EventNames.CAMPAIGN_SCHEDULED, details)
                : codec.envelope(EventEnvelope.deterministicId("campaign-created:" + id), EventNames.CAMPAIGN_CREATED, details);
        String hash = hash(campaign);
        CampaignLedger.Idempotency idempotency = idempotencyKey == null ? null
                : new CampaignLedger.Idempotency(idempotencyKey, hash, properties.idempotencyTtl().toMillis());
        return ledger.create(id, createdAt, event, campaign.scheduledAt(), scheduled ? codec.encode(details) : null,
                        idempotency)
                .flatMap(created -> replicaAcks.await(StreamKeys.CAMPAIGNS).thenReturn(created))
                .flatMap(created -> {
                    if (created instanceof CampaignLedger.Repeated repeated) {
                        return earlier(repeated, hash, idempotencyKey);
                    }
                    log.info("campaign {} {} ({} to {})", id, scheduled ? "scheduled" : "created",
                            campaign.name(), campaign.category());
                    metrics.created(scheduled);
                    if (scheduled) {
                        releaser.wake();
                    }
                    return views.find(id);
                });
    }

    private Mono<CampaignView> earlier(CampaignLedger.Repeated repeated, String hash, String key) {
        if (!repeated.requestHash().equals(hash)) {
            return Mono.error(new ProblemException(HttpStatus.CONFLICT, "Idempotency key reused",
                    "Idempotency-Key '" + key + "' was used for a different campaign request within "
                            + properties.idempotencyTtl().toHours() + " h."));
        }
        return views.find(repeated.campaignId());
    }

    /** SHA-256 of the normalised request: equal requests (also in another JSON spelling) hash alike. */
    private String hash(ValidCampaign campaign) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(codec.encode(campaign).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
