package io.herald.campaign.store;

import io.herald.campaign.CampaignProperties;
import io.herald.campaign.store.CampaignCancelled;
import io.herald.campaign.store.CampaignDispatching;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.Completion;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.eventstore.consumer.StreamEntry;
import io.herald.kit.StreamConsumers;
import io.herald.kit.StreamSubscriptions;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps every campaign's projection and event index up to date from the streams, as consumer
 * group {@code campaign-service} (docs/design.md) on {@code campaigns} (its own events, also
 * those appended by other instances or before a crash) and {@code audiences} (batches resolved by
 * user-service). The first audience batch of a campaign makes it DISPATCHING and appends
 * {@code campaign_campaign_dispatching} (with a deterministic id, so a repeat is recognised).
 */
@Component
class HistoryConsumers {

    static final String GROUP = "campaign-service";
    private static final Logger log = LoggerFactory.getLogger(HistoryConsumers.class);

    private final Projection projection;
    private final EventStore events;
    private final EventCodec codec;
    private final RedisClusterReactiveCommands<String, String> redis;

    HistoryConsumers(Projection projection, EventStore events, EventCodec codec, RedisConnections connections) {
        this.projection = projection;
        this.events = events;
        this.codec = codec;
        this.redis = connections.commands();
    }

    /** One consumer on each of {@code campaigns} and {@code audiences}. */
    @Bean
    StreamSubscriptions campaignHistorySubscriptions(StreamConsumers consumers, CampaignProperties properties) {
        StreamSubscriptions subscriptions = new StreamSubscriptions();
        for (String stream : new String[] {StreamKeys.CAMPAIGNS, StreamKeys.AUDIENCES}) {
            subscriptions.perEntry(ConsumerSettings.defaults(stream, GROUP, consumers.consumerName(stream))
                    .withBatchSize(properties.consumerBatch()), this::handle);
        }
        return subscriptions;
    }

    private Mono<Completion> handle(StreamEntry entry) {
        EventEnvelope envelope = entry.envelope();
        return projection.apply(entry.stream(), entry.id(), envelope, false)
                .flatMap(applied -> afterwards(envelope, applied))
                .thenReturn(Completion.ack());
    }

    private Mono<Void> afterwards(EventEnvelope envelope, Projection.Applied applied) {
        if (EventNames.CAMPAIGN_CANCELLED.equals(envelope.event())) {
            // the canceller adds it too; repeating it here heals a crash between its two steps
            String campaignId = codec.decode(envelope, CampaignCancelled.class).campaignId();
            return redis.sadd(StreamKeys.cancelledCampaigns(), campaignId).then();
        }
        if (applied == Projection.Applied.BECAME_DISPATCHING) {
            String campaignId = codec.decode(envelope, io.herald.campaign.store.CampaignRef.class).campaignId();
            EventEnvelope dispatching = codec.envelope(EventEnvelope.deterministicId("campaign-dispatching:" + campaignId),
                    EventNames.CAMPAIGN_DISPATCHING, new CampaignDispatching(campaignId, Instant.now()));
            return events.append(StreamKeys.CAMPAIGNS, dispatching)
                    .flatMap(entryId -> projection.apply(StreamKeys.CAMPAIGNS, entryId, dispatching, false))
                    .doOnNext(ignored -> log.info("campaign {} is dispatching", campaignId))
                    .then();
        }
        return Mono.empty();
    }
}
