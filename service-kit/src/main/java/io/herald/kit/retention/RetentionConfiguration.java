package io.herald.kit.retention;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.retention.StreamTrimmer;
import io.herald.eventstore.retention.TrimmedStreams;
import io.herald.kit.KitProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires retention into every service: a {@link StreamTrimmer} over the {@link TrimmedStreams} beans
 * the service declares (none: nothing is trimmed), Redis memory meters and the {@code retention}
 * health component.
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    @Bean(destroyMethod = "close")
    StreamTrimmer heraldStreamTrimmer(RedisConnections connections, ObjectProvider<TrimmedStreams> declared,
                                      KitProperties properties, MeterRegistry registry) {
        return new StreamTrimmer(connections.commands(), declared.orderedStream().toList(),
                properties.retention().interval(), registry);
    }

    @Bean
    RedisMemory heraldRedisMemory(RedisConnections connections, MeterRegistry registry) {
        return new RedisMemory(connections.commands(), registry);
    }

    @Bean
    Retention heraldRetention(StreamTrimmer trimmer, RedisMemory memory, KitProperties properties) {
        return new Retention(trimmer, memory, properties.retention().interval());
    }

    @Bean
    RetentionHealthIndicator retentionHealthIndicator(RedisMemory memory, StreamTrimmer trimmer,
                                                      ObjectProvider<RetentionBacklog> backlogs) {
        return new RetentionHealthIndicator(memory, trimmer, backlogs.orderedStream().toList());
    }
}
