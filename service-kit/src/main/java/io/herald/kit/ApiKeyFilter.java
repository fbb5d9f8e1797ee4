package io.herald.kit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requires {@code X-API-Key} on {@code /api/**}; health, metrics, OpenAPI and docs stay open.
 *
 * <p>Written by hand rather than with Spring Security: one shared key compared in constant time is
 * all Herald needs, and this keeps each service's start-up and footprint small.
 */
final class ApiKeyFilter implements WebFilter, Ordered {

    static final String HEADER = "X-API-Key";

    private final byte[] expected;

    /** @param apiKey the key to require; null or blank leaves {@code /api/**} open (local use) */
    ApiKeyFilter(String apiKey) {
        this.expected = apiKey == null || apiKey.isBlank() ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (expected == null || !exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        if (given == null || given.isEmpty()) {
            return Mono.error(new ProblemException(HttpStatus.UNAUTHORIZED, "Missing API key",
                    "Send the API key in the " + HEADER + " header."));
        }
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            return Mono.error(new ProblemException(HttpStatus.UNAUTHORIZED, "Invalid API key",
                    "The " + HEADER + " header does not hold this deployment's API key."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
