package io.herald.kit.auth;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.herald.eventstore.RedisConnections;
import io.herald.kit.KitProperties;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** API keys with scopes and the write rate limit per key, for every service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiKeyProperties.class, RateLimitProperties.class})
public class AuthConfiguration {

    private static final RedisCodec<String, byte[]> BUCKET_CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    @Bean
    ApiKeyStore heraldApiKeyStore(RedisConnections connections) {
        return new ApiKeyStore(connections);
    }

    @Bean
    ApiKeyFilter heraldApiKeyFilter(KitProperties kit, ApiKeyStore store, ApiKeyProperties properties) {
        if (!kit.hasApiKey() && !kit.openWithoutKey()) {
            throw new IllegalStateException("HERALD_API_KEY is not set. Set it (every /api/** request must send it as "
                    + "X-API-Key), or set herald.open-without-key=true for open local use.");
        }
        if (!kit.hasApiKey()) {
            return new ApiKeyFilter(null);
        }
        return new ApiKeyFilter(new ApiKeyCache(kit.apiKey(), store, properties.cacheTtl(), properties.cacheSize()));
    }

    /** A connection of its own for the buckets: Bucket4j keeps its state as bytes. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "herald.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    StatefulConnection<String, byte[]> heraldRateLimitConnection(LettuceConnectionFactory factory,
                                                                 RedisConnections startedFirst) {
        AbstractRedisClient client = factory.getRequiredNativeClient();
        if (client instanceof RedisClusterClient cluster) {
            return cluster.connect(BUCKET_CODEC);
        }
        if (client instanceof RedisClient standalone) {
            return standalone.connect(BUCKET_CODEC);
        }
        throw new IllegalStateException("Unsupported Redis client " + client.getClass().getName());
    }

    @Bean
    @ConditionalOnProperty(name = "herald.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    WriteRateLimitFilter heraldWriteRateLimit(StatefulConnection<String, byte[]> heraldRateLimitConnection,
                                              RateLimitProperties properties) {
        // an idle bucket is full again after burst / perSecond seconds: Redis may forget it then
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
        AsyncProxyManager<String> buckets;
        if (heraldRateLimitConnection instanceof StatefulRedisClusterConnection<String, byte[]> cluster) {
            buckets = Bucket4jLettuce.casBasedBuilder(cluster).expirationAfterWrite(expiry).build().asAsync();
        } else if (heraldRateLimitConnection instanceof StatefulRedisConnection<String, byte[]> standalone) {
            buckets = Bucket4jLettuce.casBasedBuilder(standalone).expirationAfterWrite(expiry).build().asAsync();
        } else {
            throw new IllegalStateException("Unsupported connection " + heraldRateLimitConnection.getClass().getName());
        }
        return new WriteRateLimitFilter(buckets, properties);
    }
}
