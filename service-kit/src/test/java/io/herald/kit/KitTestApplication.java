package io.herald.kit;

import io.herald.eventstore.RedisConnections;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A minimal service on the kit, for testing what the kit promises. */
@SpringBootApplication
class KitTestApplication {

    record Greeting(@NotBlank String name, @Size(max = 10) String note) {
    }

    @RestController
    static class Endpoints {

        private final RedisConnections redis;

        Endpoints(RedisConnections redis) {
            this.redis = redis;
        }

        @PostMapping("/api/v1/greetings")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Map<String, String>> greet(@Valid @RequestBody Greeting greeting) {
            return redis.commands().incr("greetings").map(n -> Map.of("hello", greeting.name()));
        }

        /** The API families of the four services, any method: the filters decide, the handler only says 200. */
        @RequestMapping({"/api/v1/campaigns/**", "/api/v1/campaign/**", "/api/v1/users/**", "/api/v1/categories/**",
            "/api/v1/notifications/**", "/api/v1/queues/**", "/api/v1/channels/**", "/api/v1/keys/**",
            "/api/v1/something-new"})
        Mono<Map<String, String>> anything() {
            return Mono.just(Map.of("ok", "true"));
        }

        /** Logs after a hop to Redis's thread, to show the request id follows the request. */
        @GetMapping("/api/v1/logged")
        Mono<Map<String, String>> logged() {
            return redis.commands().ping()
                    .doOnNext(pong -> LoggerFactory.getLogger(KitTestApplication.class)
                            .info("pinged for ada@example.com at +4915112345678"))
                    .map(pong -> Map.of("redis", pong));
        }

        @GetMapping(value = "/page", produces = MediaType.TEXT_HTML_VALUE)
        Mono<String> page() {
            return Mono.just("<!doctype html><title>t</title>");
        }

        @GetMapping("/api/v1/ping")
        Mono<Map<String, String>> ping() {
            return redis.commands().ping().map(pong -> Map.of("redis", pong));
        }
    }
}
