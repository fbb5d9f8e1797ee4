package io.herald.campaign.console;

import io.herald.kit.ProblemException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Forwards one console call to user-service or channel-workers and answers with what they answered
 * (status, content type, body: their problem+json errors reach the page unchanged). The caller's
 * {@code X-API-Key} goes along; nothing else of the incoming request does. Paths are templates
 * whose variables are encoded here, so a path variable can never reach another endpoint.
 * Thread-safe.
 */
@Component
class ServiceProxy {

    static final String API_KEY = "X-API-Key";
    private static final int MAX_BODY = 8 * 1024 * 1024;

    /** A service the console reaches, by the name its errors use. */
    enum Target { USERS("user-service"), WORKERS("channel-workers");

        final String service;

        Target(String service) {
            this.service = service;
        }
    }

    private final WebClient client;
    private final ConsoleProperties properties;

    ServiceProxy(ConsoleProperties properties) {
        this.properties = properties;
        this.client = WebClient.builder()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY))
                .build();
    }

    /**
     * Sends {@code method path?query} to {@code target} with {@code apiKey}.
     *
     * @param path a template such as {@code /api/v1/users/{id}}, expanded with {@code variables}
     * @param query query parameters; null values are left out
     * @return the target's answer; an error 503 when it cannot be reached, 504 when it is too slow
     */
    Mono<ResponseEntity<byte[]>> forward(Target target, HttpMethod method, String path, Map<String, ?> variables,
                                         Map<String, String> query, String apiKey) {
        URI uri = uri(target, path, variables, query);
        return client.method(method).uri(uri)
                .headers(headers -> {
                    if (apiKey != null) {
                        headers.set(API_KEY, apiKey);
                    }
                })
                .exchangeToMono(response -> response.toEntity(byte[].class))
                .map(ServiceProxy::onlyContentType)
                .timeout(properties.timeout())
                .onErrorMap(WebClientRequestException.class, e -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "Service unavailable", target.service + " cannot be reached"))
                .onErrorMap(TimeoutException.class, e -> new ProblemException(HttpStatus.GATEWAY_TIMEOUT,
                        "Gateway timeout", target.service + " did not answer within " + properties.timeout()));
    }

    private URI uri(Target target, String path, Map<String, ?> variables, Map<String, String> query) {
        URI base = target == Target.USERS ? properties.services().users() : properties.services().workers();
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(base).path(path);
        query.forEach((name, value) -> {
            if (value != null) {
                builder.queryParam(name, "{q_" + name + "}");
            }
        });
        Map<String, Object> all = new HashMap<>(variables);
        query.forEach((name, value) -> {
            if (value != null) {
                all.put("q_" + name, value);
            }
        });
        return builder.encode().buildAndExpand(all).toUri();
    }

    /** The answer with its status, body and content type only (no hop-by-hop or length headers). */
    private static ResponseEntity<byte[]> onlyContentType(ResponseEntity<byte[]> answer) {
        HttpHeaders headers = new HttpHeaders();
        if (answer.getHeaders().getContentType() != null) {
            headers.setContentType(answer.getHeaders().getContentType());
        }
        return new ResponseEntity<>(answer.getBody() == null ? new byte[0] : answer.getBody(), headers,
                answer.getStatusCode());
    }
}
