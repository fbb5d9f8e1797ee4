package io.herald.channel.queue;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;

/** Beans of the HTTP queue API that are not its own classes. */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    /**
     * Receives the queues' wake-up signals; one pub/sub connection for the whole process, closed
     * by {@link QueueSignals} when the application stops.
     */
    @Bean(destroyMethod = "")
    ReactiveRedisMessageListenerContainer queueSignalListener(ReactiveRedisConnectionFactory factory) {
        return new ReactiveRedisMessageListenerContainer(factory);
    }
}
