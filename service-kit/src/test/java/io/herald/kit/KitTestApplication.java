package io.herald.kit;

import io.herald.eventstore.RedisConnections;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

        @GetMapping("/api/v1/ping")
        Mono<Map<String, String>> ping() {
            return redis.commands().ping().map(pong -> Map.of("redis", pong));
        }
    }
}
