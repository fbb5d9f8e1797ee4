package io.herald.user.audience;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.Completion;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.eventstore.consumer.EntryHandler;
import io.herald.eventstore.consumer.StreamEntry;
import io.herald.eventstore.retention.TrimmedStreams;
import io.herald.kit.StreamConsumers;
import io.herald.kit.StreamSubscriptions;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumer {@code user-service} of {@code campaigns}: resolves the audience of each
 * {@code campaign_campaign_created} and acknowledges every other event untouched. A campaign is
 * acknowledged only once its whole audience is appended (and, with {@code herald.redis.replica-acks},
 * on the replicas); a failed or interrupted attempt is retried by the runtime and appends only the
 * batches still missing.
 */
@Component
class AudienceConsumer implements EntryHandler {

    static final String GROUP = "user-service";

    private static final Logger log = LoggerFactory.getLogger(AudienceConsumer.class);

    private final AudienceResolver resolver;
    private final EventCodec codec;
    private final ReplicaAcks replicaAcks;

    AudienceConsumer(AudienceResolver resolver, EventCodec codec, RedisConnections connections) {
        this.resolver = resolver;
        this.codec = codec;
        this.replicaAcks = connections.replicaAcks();
    }

    @Bean
    StreamSubscriptions audienceSubscriptions(StreamConsumers consumers, AudienceProperties properties) {
        return new StreamSubscriptions().perEntry(
                ConsumerSettings.defaults(StreamKeys.CAMPAIGNS, GROUP, consumers.consumerName("audience"))
                        .withBatchSize(properties.concurrency())
                        .withConcurrency(properties.concurrency())
                        .withHandlerTimeout(properties.handlerTimeout())
                        .withClaim(properties.claimIdle(), properties.claimIdle().dividedBy(2))
                        .withRetries(properties.maxAttempts(), Duration.ofSeconds(1), Duration.ofMinutes(1)), this);
    }

    /**
     * {@code audiences}, which this service writes, is trimmed once both groups that read it (design.md
     * §3) have acknowledged an entry: a campaign's batches go when it has been rendered and followed.
     */
    @Bean
    TrimmedStreams audiencesTrimmed() {
        return new TrimmedStreams(List.of(StreamKeys.AUDIENCES), List.of("notification-service", "campaign-service"));
    }

    @Override
    public Mono<Completion> handle(StreamEntry entry) {
        EventEnvelope envelope = entry.envelope();
        if (!EventNames.CAMPAIGN_CREATED.equals(envelope.event())) {
            return Mono.just(Completion.ack());
        }
        CampaignCreated campaign = codec.decode(envelope, CampaignCreated.class);
        if (campaign.campaignId() == null || campaign.campaignId().isBlank() || campaign.category() == null
                || campaign.category().isBlank()) {
            throw new MalformedEntryException("campaign_campaign_created without campaignId or category");
        }
        long start = System.nanoTime();
        // waited for even when this attempt appended nothing: an earlier one may have appended and failed here
        return resolver.resolve(campaign).count().flatMap(appended -> replicaAcks.await(StreamKeys.AUDIENCES)
                .thenReturn(appended)).map(appended -> {
            log.info("campaign {}: audience of category {} resolved, {} batch(es) appended by this attempt in {} ms",
                    campaign.campaignId(), campaign.category(), appended, (System.nanoTime() - start) / 1_000_000);
            return Completion.ack();
        });
    }
}
