package io.herald.kit.auth;

import io.herald.kit.ProblemException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requires an API key in {@code X-API-Key} on {@code /api/**} and the scope the endpoint needs
 * ({@link ScopePolicy}): 401 for a missing, unknown, revoked or overlong key, 403 for a key
 * without the scope, 400 for a key sent in the query string (URLs end up in logs, proxies and
 * browser histories). Health, metrics, OpenAPI and docs stay open. The caller is left in the
 * exchange attribute {@link #CALLER} for the rate limit.
 *
 * <p>Written by hand rather than with Spring Security: a header lookup and a scope table are all
 * Herald needs, and this keeps each service's start-up, footprint and filter chain small.
 */
final class ApiKeyFilter implements WebFilter, Ordered {

    static final String HEADER = "X-API-Key";
    static final String CALLER = ApiKeyFilter.class.getName() + ".caller";
    /** Longer than any secret Herald issues and than any sane configured key. */
    static final int MAX_KEY_LENGTH = 256;
    private static final Pattern KEY_IN_QUERY = Pattern.compile("(?i)(x[-_]?)?api[-_]?key|access[-_]?key");

    private final ApiKeyCache keys;

    /** @param keys who a secret belongs to; null leaves {@code /api/**} open (local use) */
    ApiKeyFilter(ApiKeyCache keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (keys == null || !path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (request.getQueryParams().keySet().stream().anyMatch(name -> KEY_IN_QUERY.matcher(name).matches())) {
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "API key in the URL",
                    "API keys are accepted only in the " + HEADER + " header; revoke a key that was sent in a URL."));
        }
        String given = request.getHeaders().getFirst(HEADER);
        if (given == null || given.isEmpty()) {
            return Mono.error(unauthorized("Missing API key", "Send the API key in the " + HEADER + " header."));
        }
        if (given.length() > MAX_KEY_LENGTH) {
            return Mono.error(unauthorized("Invalid API key", "The " + HEADER + " header is longer than any key."));
        }
        Scope needed = ScopePolicy.required(request.getMethod(), path);
        return keys.authenticate(given).flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.error(unauthorized("Invalid API key",
                        "The " + HEADER + " header does not hold a valid API key of this deployment."));
            }
            ApiKey caller = found.get();
            if (!caller.allows(needed)) {
                return Mono.error(new ProblemException(HttpStatus.FORBIDDEN, "Missing scope",
                        "This API key lacks the scope '" + needed.value() + "' that " + method(request) + " "
                                + path + " needs."));
            }
            exchange.getAttributes().put(CALLER, caller);
            return chain.filter(exchange);
        });
    }

    private static String method(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        return method == null ? "" : method.name();
    }

    private static ProblemException unauthorized(String title, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, title, detail)
                .withHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
