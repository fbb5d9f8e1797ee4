package io.herald.kit.web;

import io.herald.kit.ProblemException;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses, before anything reads them, request paths that a router could read differently from
 * what they look like: matrix parameters ({@code ;}, which WebFlux strips silently, so that
 * {@code /users/1;x} would be user 1), encoded slashes, backslashes, encoded dots or percent
 * signs, dot segments, empty segments and control characters — 400 problem+json, nothing
 * changed. Methods other than the usual ones get 405. The rules follow Spring Security's
 * {@code StrictServerWebExchangeFirewall}.
 */
final class StrictRequestFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS);
    private static final String[] FORBIDDEN_RAW = {";", "%3b", "%2f", "%5c", "\\", "%25", "%2e", "//", "%00", "%7f"};

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!METHODS.contains(exchange.getRequest().getMethod())) {
            return Mono.error(new ProblemException(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                    "This service does not answer " + exchange.getRequest().getMethod() + "."));
        }
        String reason = refusal(exchange.getRequest().getURI().getRawPath());
        if (reason != null) {
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "Rejected path",
                    "The request path was refused: " + reason + "."));
        }
        return chain.filter(exchange);
    }

    /** Why this raw (still percent-encoded) path is refused, or null when it is acceptable. */
    static String refusal(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return null;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String forbidden : FORBIDDEN_RAW) {
            if (lower.contains(forbidden)) {
                return "it contains '" + forbidden + "'";
            }
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return "it contains a control, space or non-ASCII character";
            }
            if (c == '%' && i + 2 < rawPath.length() && encodedControl(rawPath.charAt(i + 1), rawPath.charAt(i + 2))) {
                return "it contains an encoded control character";
            }
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return "it contains a dot segment";
            }
        }
        return null;
    }

    private static boolean encodedControl(char high, char low) {
        return (high == '0' || high == '1') && Character.digit(low, 16) >= 0;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
