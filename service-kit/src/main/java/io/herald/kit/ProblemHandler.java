package io.herald.kit;

import io.herald.kit.web.RequestIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error of a service — from controllers, filters and routing alike — with
 * {@code application/problem+json} (RFC 9457): {@code type, title, status, detail, instance} and,
 * for validation errors, {@code errors: [{field, message}]}, and always the {@code requestId}. Runs before Spring Boot's default
 * error handler. A 5xx other than 503 (Redis unreachable) is logged as the bug it is; no stack
 * trace ever reaches the client.
 */
@Order(-2)
final class ProblemHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final JsonMapper json;
    private final ProblemMapper mapper = new ProblemMapper();

    ProblemHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        ProblemException problem = mapper.toProblem(error);
        HttpStatusCode status = problem.status();
        String path = exchange.getRequest().getPath().value();
        String requestId = RequestIds.of(exchange);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.KEY, requestId)) {
            if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
                log.warn("{} {} answered 503: {}", exchange.getRequest().getMethod(), path, error.toString());
            } else if (status.is5xxServerError()) {
                log.error("{} {} failed", exchange.getRequest().getMethod(), path, error);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", status.value());
        body.put("detail", problem.getMessage());
        body.put("instance", path);
        body.put("requestId", requestId);
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        problem.headers().forEach(response.getHeaders()::set);
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            response.getHeaders().set("Retry-After", "5");
        }
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

}
