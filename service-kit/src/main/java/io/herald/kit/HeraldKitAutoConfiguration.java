package io.herald.kit;

import io.herald.eventstore.Channels;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.consumer.DeadLetters;
import io.herald.kit.auth.AuthConfiguration;
import io.herald.kit.retention.RetentionConfiguration;
import io.herald.kit.web.WebHardeningConfiguration;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the service kit: scoped API keys and write rate limits ({@code auth}), request ids,
 * security headers and strict paths ({@code web}), body limit, problem+json errors, Redis client options
 * that fail fast (503) while Redis is away and reconnect quickly when it returns, and the
 * event-store beans every service uses.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@EnableConfigurationProperties({KitProperties.class, ChannelSettings.class})
@Import({AuthConfiguration.class, WebHardeningConfiguration.class, RetentionConfiguration.class})
public class HeraldKitAutoConfiguration {

    /** Signed unsubscribe links; the secret is configured, or derived one-way from the API key. */
    @Bean
    UnsubscribeLinks heraldUnsubscribeLinks(KitProperties properties) {
        String secret = properties.unsubscribe() == null ? null : properties.unsubscribe().secret();
        if ((secret == null || secret.isBlank()) && properties.hasApiKey()) {
            secret = new UnsubscribeLinks(properties.apiKey(), "").token("0", "herald-unsubscribe-secret");
        }
        return new UnsubscribeLinks(secret, properties.publicUrl());
    }

    @Bean
    BodySizeFilter heraldBodySizeFilter(KitProperties properties) {
        return new BodySizeFilter(properties.maxBodySize().toBytes());
    }

    @Bean
    CodecCustomizer heraldCodecLimit(KitProperties properties) {
        return configurer -> configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
    }

    @Bean
    ProblemHandler heraldProblemHandler(JsonMapper jsonMapper) {
        return new ProblemHandler(jsonMapper);
    }

    /**
     * Let headers up to 64 KiB reach the application, which answers oversized values (API key,
     * Idempotency-Key) with problem+json; beyond that Netty refuses the request with a bare 431.
     * Set here because Boot applies {@code server.max-http-request-header-size} to Netty only for HTTP/2.
     */
    @Bean
    NettyServerCustomizer heraldHeaderLimit() {
        return server -> server.httpRequestDecoder(decoder -> decoder.maxHeaderSize(64 * 1024));
    }

    /**
     * Reject commands while disconnected (so requests get 503 at once instead of hanging); on a
     * cluster ({@code spring.data.redis.cluster.nodes} set) also follow the topology periodically and
     * on every redirect or reconnect ({@link RedisConnections#TOPOLOGY_REFRESH}).
     */
    @Bean
    LettuceClientConfigurationBuilderCustomizer heraldLettuceOptions(DataRedisProperties redis) {
        Duration timeout = redis.getTimeout() == null ? Duration.ofSeconds(5) : redis.getTimeout();
        Duration connectTimeout = redis.getConnectTimeout() == null ? Duration.ofSeconds(2) : redis.getConnectTimeout();
        ClientOptions options = ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                .build();
        boolean cluster = redis.getCluster() != null && redis.getCluster().getNodes() != null
                && !redis.getCluster().getNodes().isEmpty();
        return builder -> builder.clientOptions(!cluster ? options : ClusterClientOptions.builder(options)
                .topologyRefreshOptions(RedisConnections.TOPOLOGY_REFRESH)
                .build());
    }

    /**
     * Reconnect within a second of Redis coming back (Lettuce's default backs off to 30 s), and no
     * command latency recorder: with HdrHistogram and LatencyUtils on the class path (Micrometer
     * brings them) Lettuce wraps every command to time it and keeps about half a megabyte of
     * histograms per connection and command type, which nothing here reads (Herald publishes no
     * Lettuce metrics). A channel worker's allocation profile at fan-out rates showed every
     * command wrapped for timing and new histogram sets of 80-150 KB each being built.
     */
    @Bean
    ClientResourcesBuilderCustomizer heraldClientResources() {
        return builder -> builder.reconnectDelay(
                        Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, java.util.concurrent.TimeUnit.MILLISECONDS))
                .commandLatencyRecorder(CommandLatencyRecorder.disabled());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RedisConnections heraldRedisConnections(LettuceConnectionFactory factory, KitProperties properties,
                                            ObjectProvider<ClientResourcesBuilderCustomizer> customizers) {
        return RedisConnections.connect((AbstractRedisClient) factory.getRequiredNativeClient(), false,
                        properties.redisStartupWait())
                .withLaneClients(new SpringLaneClients(factory, customizers.orderedStream().toList()))
                .requireReplicaAcks(properties.redis().replicaAcks(), properties.redis().replicaAcksTimeout());
    }

    /** The channels and their partitions ({@link ChannelSettings}); {@code auto} looks at the connection. */
    @Bean
    @ConditionalOnMissingBean
    Channels heraldChannels(ChannelSettings settings, RedisConnections connections) {
        return Channels.of(settings.channels(), settings.channelPartitions(), connections.isCluster());
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec heraldEventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    EventStore heraldEventStore(RedisConnections connections) {
        return new EventStore(connections.commands());
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters heraldDeadLetters(RedisConnections connections) {
        return new DeadLetters(connections.commands());
    }

    @Bean
    StreamConsumers heraldStreamConsumers(RedisConnections connections, MeterRegistry registry,
                                          KitProperties properties, ObjectProvider<StreamSubscriptions> declared) {
        return new StreamConsumers(connections, registry, instanceId(properties), declared);
    }

    private static String instanceId(KitProperties properties) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

}
