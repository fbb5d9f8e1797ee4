package io.herald.kit.auth;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.herald.kit.ProblemException;
import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Limits the write requests of each API key — every method but GET/HEAD/OPTIONS under
 * {@code /api/**}, and {@code GET /api/v1/campaign/create} — with one token bucket per key kept
 * in Redis by Bucket4j, so that all instances of all services draw from the same bucket. Over
 * the limit: 429 problem+json with {@code Retry-After} (whole seconds). The bootstrap key is
 * exempt unless configured otherwise, so that operators and the benchmark are never throttled.
 */
final class WriteRateLimitFilter implements WebFilter, Ordered {

    private final AsyncProxyManager<String> buckets;
    private final BucketConfiguration limit;
    private final RateLimitProperties properties;

    WriteRateLimitFilter(AsyncProxyManager<String> buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        this.properties = properties;
        this.limit = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(properties.burst())
                        .refillGreedy(properties.perSecond(), Duration.ofSeconds(1)))
                .build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ApiKey caller = exchange.getAttribute(ApiKeyFilter.CALLER);
        if (caller == null || !isWrite(exchange)
                || (caller == ApiKeyCache.BOOTSTRAP && properties.bootstrapKeyExempt())) {
            return chain.filter(exchange);
        }
        return Mono.fromFuture(() -> buckets.builder().build(ApiKeyKeys.rate(caller.id()), limit)
                        .tryConsumeAndReturnRemaining(1))
                .flatMap(probe -> probe.isConsumed() ? chain.filter(exchange) : Mono.error(tooMany(probe)));
    }

    private ProblemException tooMany(ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "This API key may send " + properties.perSecond() + " write requests per second (bursts of "
                        + properties.burst() + "); retry in " + seconds + " s.")
                .withHeader("Retry-After", Long.toString(seconds));
    }

    private static boolean isWrite(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/")) {
            return false;
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            return ScopePolicy.required(method, path) == Scope.CAMPAIGNS_WRITE; // the GET that creates a campaign
        }
        return true;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }
}
