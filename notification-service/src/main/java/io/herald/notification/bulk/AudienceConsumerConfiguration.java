package io.herald.notification.bulk;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.kit.StreamConsumers;
import io.herald.kit.StreamSubscriptions;
import io.herald.eventstore.Channels;
import io.herald.notification.queue.QueuedMessages;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers this instance's consumer of {@code audiences} in group {@code notification-service}. */
@Configuration(proxyBeanMethods = false)
class AudienceConsumerConfiguration {

    static final String GROUP = "notification-service";

    @Bean
    AudienceBatchHandler audienceBatchHandler(EventCodec codec, Channels channels, RedisConnections connections,
                                              MeterRegistry registry) {
        // campaign batches go out on a connection of their own: a transactional notification's
        // script never waits behind their large scripts on the shared connection
        RedisConnections bulk = connections.lane();
        return new AudienceBatchHandler(codec, new BatchRenderer(channels, new QueuedMessages(codec)),
                new BatchQueue(bulk.commands()), new RenderedCampaigns(bulk.commands()), bulk.replicaAcks(), registry);
    }

    /** The consumer; {@link StreamConsumers} starts and stops it with the application. */
    @Bean
    StreamSubscriptions audienceSubscriptions(StreamConsumers consumers, AudienceBatchHandler handler,
                                              AudienceConsumerProperties properties) {
        ConsumerSettings settings = ConsumerSettings.of(StreamKeys.AUDIENCES, GROUP, consumers.consumerName("audiences"),
                properties);
        return new StreamSubscriptions().perEntry(settings, handler);
    }
}
