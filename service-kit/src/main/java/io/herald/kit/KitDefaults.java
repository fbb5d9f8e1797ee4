package io.herald.kit;

import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults shared by every service, added with the lowest precedence: a service's own
 * {@code application.yml} or the environment overrides each of them.
 */
public final class KitDefaults implements EnvironmentPostProcessor {

    /**
     * Auto-configurations no service uses. Each one left out is a configuration class less to parse,
     * beans less to create at start-up and classes less to load (start-up time and metaspace).
     */
    static final List<String> EXCLUDED_AUTO_CONFIGURATIONS = List.of(
            // Boot traces every Redis command as a Micrometer observation when an ObservationRegistry
            // exists: about a tenth of a channel worker's CPU at fan-out rates (bench/README.md).
            // The stream consumers keep their own meters (herald.consumer.*).
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
            // Redis is used through io.herald.eventstore.RedisConnections (Lettuce itself): no
            // ReactiveRedisTemplate, no Spring Data repositories, no transactions
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.autoconfigure.metrics.DataRepositoryMetricsAutoConfiguration",
            "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
            // no web sessions and no multipart requests
            "org.springframework.boot.webflux.autoconfigure.WebSessionIdResolverAutoConfiguration",
            "org.springframework.boot.webflux.autoconfigure.ReactiveMultipartAutoConfiguration");

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("herald.api-key", "${HERALD_API_KEY:}"),
            Map.entry("herald.unsubscribe.secret", "${HERALD_UNSUBSCRIBE_SECRET:}"),
            Map.entry("herald.public-url", "${HERALD_PUBLIC_URL:http://localhost:8081}"),
            // replicas that must hold a step's writes before it acknowledges upstream work (KitProperties.Redis)
            Map.entry("herald.redis.replica-acks", "${HERALD_REDIS_REPLICAACKS:0}"),
            Map.entry("herald.redis.replica-acks-timeout", "${HERALD_REDIS_REPLICAACKSTIMEOUT:2s}"),
            Map.entry("spring.data.redis.url", "${REDIS_URL:redis://127.0.0.1:6379}"),
            // blocking stream reads wait up to 2 s; the command timeout must exceed that
            Map.entry("spring.data.redis.timeout", "5s"),
            Map.entry("spring.data.redis.connect-timeout", "2s"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "always"),
            Map.entry("management.endpoint.health.group.readiness.include", "readinessState,redis"),
            Map.entry("server.shutdown", "graceful"),
            // One request per connection. Reactor Netty 1.3.x can stop reading a keep-alive
            // connection when the next request arrives before the previous one's operations have
            // terminated (reactor/reactor-netty#4361, #4347; fixed after 1.3.8, the newest release
            // available here): the request is never answered, not even by a timeout. Seen twice in
            // CI as a 30 s hang of a request that needed no Redis. Closing after each response
            // costs a TCP handshake per API call (none of Herald's hot path is HTTP); drop this
            // once a fixed Reactor Netty is in use.
            Map.entry("server.netty.max-keep-alive-requests", "1"),
            // headers up to 64 KiB reach the application, which answers oversized values (API key,
            // Idempotency-Key) with problem+json; beyond that Netty refuses with a bare 431
            Map.entry("server.max-http-request-header-size", "64KB"),
            Map.entry("spring.main.banner-mode", "off"),
            // logback.xml of the kit: personal data masked in every line (io.herald.kit.logging)
            Map.entry("logging.config", "classpath:io/herald/kit/logback.xml"),
            // the request id in each line logged while handling a request (empty brackets elsewhere
            // are left out); Reactor carries it from the request's context into the MDC
            Map.entry("logging.pattern.correlation", "%replace([%X{requestId}] ){'\\[\\] ', ''}"),
            Map.entry("spring.reactor.context-propagation", "auto"),
            Map.entry("spring.autoconfigure.exclude", String.join(",", EXCLUDED_AUTO_CONFIGURATIONS)));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("heraldKitDefaults", DEFAULTS));
        RedisCredentials.apply(environment);
    }
}
