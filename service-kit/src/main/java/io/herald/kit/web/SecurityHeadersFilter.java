package io.herald.kit.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response: {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY}, and on HTML pages a strict
 * {@code Content-Security-Policy} that allows scripts, styles, images and calls only from the
 * page's own origin (no inline scripts). Swagger UI's own page styles elements inline, so its
 * pages alone also allow inline styles. CORS stays closed: no service answers with
 * {@code Access-Control-Allow-Origin}, so browsers refuse cross-origin calls.
 */
final class SecurityHeadersFilter implements WebFilter, Ordered {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String SWAGGER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            MediaType type = headers.getContentType();
            if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML) && !headers.containsHeader("Content-Security-Policy")) {
                boolean swagger = exchange.getRequest().getPath().value().startsWith("/swagger-ui");
                headers.set("Content-Security-Policy", swagger ? SWAGGER_CSP : CSP);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
