package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

@RealRedis
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=secret-key", "herald.max-body-size=1KB"})
@AutoConfigureWebTestClient
@DirtiesContext
class ServiceKitIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private WebTestClient.RequestBodySpec post(String path) {
        return web.post().uri(path).header("X-API-Key", "secret-key").contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void aLaneOfTheServicesConnectionsHasIoThreadsOfItsOwn(@Autowired io.herald.eventstore.RedisConnections connections) {
        LaneChecks.laneIsLikeTheServicesConnectionsOnThreadsOfItsOwn(connections);
    }

    @Test
    void lettuceTimesNoCommand(@Autowired org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory factory) {
        // HdrHistogram and LatencyUtils are on the class path: by default Lettuce would time every command
        assertThat(io.lettuce.core.metrics.DefaultCommandLatencyCollector.isAvailable()).isTrue();
        assertThat(((io.lettuce.core.AbstractRedisClient) factory.getRequiredNativeClient()).getResources()
                .commandLatencyRecorder().isEnabled()).isFalse();
    }

    @Test
    void missingApiKeyIs401ProblemJson() {
        web.get().uri("/api/v1/ping").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Missing API key");
    }

    @Test
    void wrongApiKeyIs401ProblemJson() {
        web.get().uri("/api/v1/ping").header("X-API-Key", "secret-kex").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Invalid API key");
    }

    @Test
    void a16KiBApiKeyIs401ProblemJson() {
        web.get().uri("/api/v1/ping").header("X-API-Key", "k".repeat(16 * 1024)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthNeedsNoApiKey() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.redis.status").isEqualTo("UP");
    }

    @Test
    void malformedJsonIs400ProblemJsonAndChangesNothing(TestRedis redis) {
        post("/api/v1/greetings").bodyValue("{\"name\": \"Ada\",").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.detail").exists();
        web.get().uri("/api/v1/ping").header("X-API-Key", "secret-key").exchange().expectStatus().isOk();
        assertThat(greetingsCounted()).isZero();
    }

    @Test
    void invalidFieldsAre400WithTheFieldsNamed() {
        post("/api/v1/greetings").bodyValue("{\"name\": \"\", \"note\": \"far more than ten\"}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'name')].message").exists()
                .jsonPath("$.errors[?(@.field == 'note')].message").exists();
    }

    @Test
    void oversizedBodyIs413ProblemJson() {
        String big = "{\"name\": \"" + "x".repeat(4096) + "\"}";
        post("/api/v1/greetings").bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);
    }

    @Test
    void unknownPathIs404ProblemJson() {
        web.get().uri("/api/v1/nothing-here").header("X-API-Key", "secret-key").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void redisDownIs503AndServiceRecoversWhenItReturns(TestRedis redis) {
        web.get().uri("/api/v1/ping").header("X-API-Key", "secret-key").exchange().expectStatus().isOk();
        redis.stop();
        try {
            web.get().uri("/api/v1/ping").header("X-API-Key", "secret-key").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(503);
        } finally {
            redis.start();
        }
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                web.get().uri("/api/v1/ping").header("X-API-Key", "secret-key").exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.redis").isEqualTo("PONG"));
    }

    @Test
    void aFullRedisAnswersWritesWith503StorageFullAndKeepsServingReads() {
        try (var client = io.lettuce.core.RedisClient.create(io.herald.testsupport.RealRedisExtension.current().url());
             var connection = client.connect()) {
            connection.sync().configSet("maxmemory", "1");
            try {
                post("/api/v1/greetings").bodyValue("{\"name\": \"Ada\"}").exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().valueEquals("Retry-After", "5")
                        .expectBody().jsonPath("$.title").isEqualTo("Storage full");
                web.get().uri("/api/v1/ping").header("X-API-Key", "secret-key").exchange().expectStatus().isOk();
                web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$.components.retention.status").isEqualTo("UP")
                        .jsonPath("$.components.retention.details.full").isEqualTo(true)
                        .jsonPath("$.components.retention.details.maxMemoryPolicy").isEqualTo("noeviction");
            } finally {
                connection.sync().configSet("maxmemory", "0");
            }
        }
        post("/api/v1/greetings").bodyValue("{\"name\": \"Ada\"}").exchange().expectStatus().isCreated();
    }

    @Test
    void redisMemoryIsAMeter() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.retention.details.usedMemory").isNumber();
        // health samples INFO memory; the gauges show the sample (max 0: the test's Redis has no limit)
        assertThat(meters.get("herald.redis.memory.used").gauge().value()).isPositive();
        assertThat(meters.get("herald.redis.memory.max").gauge().value()).isZero();
    }

    private long greetingsCounted() {
        try (var client = io.lettuce.core.RedisClient.create(io.herald.testsupport.RealRedisExtension.current().url());
             var connection = client.connect()) {
            String count = connection.sync().get("greetings");
            return count == null ? 0 : Long.parseLong(count);
        }
    }
}
