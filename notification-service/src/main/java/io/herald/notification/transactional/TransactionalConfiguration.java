package io.herald.notification.transactional;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.Channels;
import io.herald.notification.queue.QueuedMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires transactional notifications to the shared Redis connection. */
@Configuration(proxyBeanMethods = false)
class TransactionalConfiguration {

    @Bean
    TransactionalNotifications transactionalNotifications(RedisConnections connections, EventCodec codec,
                                                          Channels channels, TransactionalProperties properties) {
        return new TransactionalNotifications(connections.commands(), new UserDirectory(connections.commands()),
                channels, new QueuedMessages(codec), properties.recordTtl(), connections.replicaAcks());
    }
}
