package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.kit.auth.ApiKeyStore;
import io.herald.kit.auth.Scope;
import io.herald.testsupport.RealRedis;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The write rate limit per key: a small bucket, so that the test reaches it. */
@RealRedis
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=bootstrap-key", "herald.rate-limit.per-second=1", "herald.rate-limit.burst=3"})
@AutoConfigureWebTestClient
@DirtiesContext
class WriteRateLimitIntegrationTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ApiKeyStore store;

    @Test
    void writesBeyondTheBurstAre429WithRetryAfterWhileReadsGoOn() {
        String key = store.create("busy-sender", Set.of(Scope.CAMPAIGNS_WRITE, Scope.READ)).block().secret();
        for (int i = 0; i < 3; i++) {
            post(key).expectStatus().is2xxSuccessful();
        }
        post(key).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 2L))
                .expectBody().jsonPath("$.status").isEqualTo(429).jsonPath("$.requestId").exists();
        web.get().uri("/api/v1/campaigns").header("X-API-Key", key).exchange().expectStatus().isOk();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        String first = store.create("first", Set.of(Scope.CAMPAIGNS_WRITE)).block().secret();
        String second = store.create("second", Set.of(Scope.CAMPAIGNS_WRITE)).block().secret();
        for (int i = 0; i < 3; i++) {
            post(first).expectStatus().is2xxSuccessful();
        }
        post(first).expectStatus().isEqualTo(429);
        post(second).expectStatus().is2xxSuccessful();
    }

    @Test
    void theBootstrapKeyIsExempt() {
        for (int i = 0; i < 10; i++) {
            post("bootstrap-key").expectStatus().is2xxSuccessful();
        }
    }

    private WebTestClient.ResponseSpec post(String key) {
        return web.post().uri("/api/v1/campaigns").header("X-API-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
    }
}
