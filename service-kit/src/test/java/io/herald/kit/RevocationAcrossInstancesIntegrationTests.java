package io.herald.kit;

import io.herald.kit.auth.ApiKeyStore;
import io.herald.kit.auth.Scope;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.RealRedisExtension;
import java.time.Duration;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Two instances on one Redis: a key revoked through one stops working on the other within seconds. */
@RealRedis
class RevocationAcrossInstancesIntegrationTests {

    ConfigurableApplicationContext first;
    ConfigurableApplicationContext second;

    @Test
    void aKeyRevokedOnOneInstanceIsRefusedByTheOtherWithinTheCacheTtl() {
        first = start();
        second = start();
        ApiKeyStore.Created key = first.getBean(ApiKeyStore.class).create("sender-app", Set.of(Scope.READ)).block();
        WebTestClient other = client(second);
        other.get().uri("/api/v1/campaigns").header("X-API-Key", key.secret()).exchange().expectStatus().isOk();

        first.getBean(ApiKeyStore.class).revoke(key.key().id()).block();

        // the default cache TTL is 2 s: the second instance refuses the key no later than that
        Awaitility.await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                other.get().uri("/api/v1/campaigns").header("X-API-Key", key.secret()).exchange()
                        .expectStatus().isUnauthorized());
    }

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KitTestApplication.class).run("--server.port=0",
                "--herald.api-key=bootstrap-key", "--spring.data.redis.url=" + RealRedisExtension.current().url());
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }
}
