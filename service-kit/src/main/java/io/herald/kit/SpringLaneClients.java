package io.herald.kit;

import io.herald.eventstore.RedisConnections;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Lane clients ({@link RedisConnections#lane()}) made like the service's own: the same Redis
 * (standalone or cluster configuration, credentials, TLS, client options, timeouts) through a
 * connection factory of their own, over client resources of their own (own I/O and computation
 * threads) built with the same customizers as the service's. A connection factory, not a client
 * made by hand, because it is what turns Spring's Redis settings into Lettuce's {@code RedisURI}s.
 */
final class SpringLaneClients implements Supplier<RedisConnections.LaneClient> {

    /** I/O threads of a lane: a lane is one kind of traffic (a few connections), one thread per core is plenty. */
    private static final int IO_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    private final LettuceConnectionFactory shared;
    private final List<ClientResourcesBuilderCustomizer> customizers;

    SpringLaneClients(LettuceConnectionFactory shared, List<ClientResourcesBuilderCustomizer> customizers) {
        this.shared = shared;
        this.customizers = List.copyOf(customizers);
    }

    @Override
    public RedisConnections.LaneClient get() {
        DefaultClientResources.Builder builder = DefaultClientResources.builder()
                .ioThreadPoolSize(IO_THREADS).computationThreadPoolSize(IO_THREADS);
        customizers.forEach(customizer -> customizer.customize(builder));
        ClientResources resources = builder.build();
        LettuceConnectionFactory factory = null;
        try {
            LettuceClientConfiguration configuration = copy(shared.getClientConfiguration(), resources);
            factory = shared.isClusterAware()
                    ? new LettuceConnectionFactory(shared.getClusterConfiguration(), configuration)
                    : new LettuceConnectionFactory(shared.getStandaloneConfiguration(), configuration);
            factory.afterPropertiesSet();
            factory.start();
            LettuceConnectionFactory started = factory;
            return new RedisConnections.LaneClient((AbstractRedisClient) factory.getRequiredNativeClient(), () -> {
                started.destroy();
                resources.shutdown();
            });
        } catch (RuntimeException e) {
            if (factory != null) {
                factory.destroy();
            }
            resources.shutdown();
            throw e;
        }
    }

    private static LettuceClientConfiguration copy(LettuceClientConfiguration base, ClientResources resources) {
        LettuceClientConfiguration.LettuceClientConfigurationBuilder copy = LettuceClientConfiguration.builder()
                .clientResources(resources)
                .commandTimeout(base.getCommandTimeout())
                .shutdownTimeout(base.getShutdownTimeout())
                .shutdownQuietPeriod(base.getShutdownQuietPeriod());
        base.getClientOptions().ifPresent(copy::clientOptions);
        base.getClientName().ifPresent(copy::clientName);
        base.getReadFrom().ifPresent(copy::readFrom);
        base.getRedisCredentialsProviderFactory().ifPresent(copy::redisCredentialsProviderFactory);
        if (base.isUseSsl()) {
            LettuceClientConfiguration.LettuceSslClientConfigurationBuilder ssl = copy.useSsl().verifyPeer(base.getVerifyMode());
            if (base.isStartTls()) {
                ssl.startTls();
            }
            copy = ssl.and();
        }
        return copy.build();
    }
}
