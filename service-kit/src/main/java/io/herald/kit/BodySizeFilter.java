package io.herald.kit;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers 413 before reading a body whose declared {@code Content-Length} is over the limit;
 * bodies without a length are bounded by the codecs' in-memory limit (the same value).
 */
final class BodySizeFilter implements WebFilter, Ordered {

    private final long maxBytes;

    BodySizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > maxBytes) {
            return Mono.error(new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The body has " + length + " bytes; at most " + maxBytes + " are accepted."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
