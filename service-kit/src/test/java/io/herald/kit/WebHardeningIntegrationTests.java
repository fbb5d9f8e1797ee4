package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.RealRedis;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Security headers, request ids, closed CORS, strict paths and masked logs. */
@RealRedis
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "herald.api-key=secret-key")
@AutoConfigureWebTestClient
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class WebHardeningIntegrationTests {

    @Autowired
    WebTestClient web;
    @LocalServerPort
    int port;

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndARequestId() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists("X-Request-Id");
        web.get().uri("/api/v1/ping").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void htmlPagesGetAStrictContentSecurityPolicyAndJsonDoesNot() {
        web.get().uri("/page").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", csp ->
                        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'")
                                .doesNotContain("unsafe-inline"));
        web.get().uri("/api/v1/ping").header("X-API-Key", "secret-key").exchange().expectStatus().isOk()
                .expectHeader().doesNotExist("Content-Security-Policy");
    }

    @Test
    void aWellFormedRequestIdIsKeptAndReturnedInTheProblem() {
        web.get().uri("/api/v1/ping").header("X-Request-Id", "caller-42.a").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "caller-42.a")
                .expectBody().jsonPath("$.requestId").isEqualTo("caller-42.a");
    }

    @Test
    void aMalformedRequestIdIsReplaced() {
        web.get().uri("/api/v1/ping").header("X-Request-Id", "bad id " + "x".repeat(100)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value("X-Request-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"))
                .expectBody().jsonPath("$.requestId").value(id -> assertThat((String) id).matches("[0-9a-f-]{36}"));
    }

    @Test
    void crossOriginCallsGetNoCorsPermission() {
        web.get().uri("/api/v1/ping").header("X-API-Key", "secret-key").header("Origin", "https://evil.example")
                .exchange().expectHeader().doesNotExist("Access-Control-Allow-Origin");
        web.options().uri("/api/v1/ping").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange().expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    @Test
    void hostilePathsAre400ProblemJson() {
        for (String path : new String[] {"/api/v1/users/1;DEL%20x", "/api/v1/users/1;x/preferences",
                "/api/v1/campaigns/..%2F..%2Fetc%2Fpasswd", "/api/v1/campaigns/a%5Cb", "/api/v1/%2e%2e/ping",
                "/api/v1/campaigns/%00", "/api/v1/campaigns/a%0d%0aX", "/api/v1//ping", "/api/v1/campaigns/%252F"}) {
            web.get().uri(URI.create("http://127.0.0.1:" + port + path)).header("X-API-Key", "secret-key").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.title").isEqualTo("Rejected path");
        }
    }

    @Test
    void logLinesOfARequestCarryItsIdAndNoPersonalData(CapturedOutput output) {
        web.get().uri("/api/v1/logged").header("X-API-Key", "secret-key").header("X-Request-Id", "trace-me-7")
                .exchange().expectStatus().isOk();
        String line = output.getOut().lines().filter(l -> l.contains("pinged for")).findFirst().orElseThrow();
        assertThat(line).contains("[trace-me-7]").contains("a***@example.com").contains("+49********678")
                .doesNotContain("ada@example.com").doesNotContain("+4915112345678");
    }
}
