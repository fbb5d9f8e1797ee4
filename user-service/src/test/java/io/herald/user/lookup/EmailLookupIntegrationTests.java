package io.herald.user.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.herald.testsupport.RealRedis;
import io.herald.user.users.User;
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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=test-key", "herald.users.seed-count=50"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext
class EmailLookupIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    RedisConnections connections;

    @Test
    void aSeededUserIsFoundByItsAddressWithinSecondsOfSeeding() {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "50".equals(RedisConnections.sync(connections.dedicated()).get(StreamKeys.USERS_SEEDED)));
        String email = RedisConnections.sync(connections.dedicated()).hget(StreamKeys.user("37"), UserHash.EMAIL);
        assertThat(email).contains("@");

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                lookup(email).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("37"));
    }

    @Test
    void aUserCreatedThroughTheApiIsFoundCaseInsensitivelyAndNotAfterItIsDeleted() {
        String id = web.post().uri("/api/v1/users").header("X-API-Key", "test-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"name":"Lou Lookup","email":"Lou.Lookup@Example.com","categories":["Finance"],"channels":["email"]}""")
                .exchange().expectStatus().isCreated().expectBody(User.class).returnResult().getResponseBody().id();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                lookup("lou.lookup@example.com").expectStatus().isOk().expectBody()
                        .jsonPath("$.id").isEqualTo(id)
                        .jsonPath("$.name").isEqualTo("Lou Lookup")
                        .jsonPath("$.categories[0]").isEqualTo("Finance"));

        web.delete().uri("/api/v1/users/{id}", id).header("X-API-Key", "test-key").exchange().expectStatus().isNoContent();
        lookup("Lou.Lookup@Example.com").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void usersAboveAGapAreFoundAndTheWalkDoesNotReadThemAgainWhileItWaitsForTheGap() {
        var redis = RedisConnections.sync(connections.dedicated());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "50".equals(redis.get(StreamKeys.USERS_SEEDED))
                && redis.get(StreamKeys.USER_IDS).equals(redis.get(EmailIndexKeys.INDEXED_UP_TO)));
        String beforeTheGap = redis.get(StreamKeys.USER_IDS);
        // ids reserved and never written (as an interrupted seed leaves them), then users above them
        redis.incrby(StreamKeys.USER_IDS, 20);
        String lastId = null;
        for (int i = 0; i < 300; i++) {
            lastId = Long.toString(redis.incr(StreamKeys.USER_IDS));
            redis.hset(StreamKeys.user(lastId), java.util.Map.of(UserHash.NAME, "Gap User", UserHash.EMAIL, "gap" + i + "@example.com",
                    UserHash.CREATED_AT, "2026-12-02T00:00:00Z"));
        }
        String found = lastId;
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                lookup("gap299@example.com").expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(found));
        long before = hgetCalls(redis.info("commandstats"));

        // the walks of the next seconds, within the gap's grace period, read only the 20 missing ids
        // again (the 300 users above them were read once)
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> hgetCalls(redis.info("commandstats")) - before < 300);
        assertThat(redis.get(EmailIndexKeys.INDEXED_UP_TO)).as("the cursor waits before the gap").isEqualTo(beforeTheGap);
    }

    private static long hgetCalls(String commandStats) {
        var m = java.util.regex.Pattern.compile("cmdstat_hget:calls=(\\d+)").matcher(commandStats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void aBlankOrUnknownAddressIsAProblem() {
        lookup("nobody@example.org").expectStatus().isNotFound();
        web.get().uri("/api/v1/users/lookup").header("X-API-Key", "test-key").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        lookup("x".repeat(321)).expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec lookup(String email) {
        return web.get().uri(uri -> uri.path("/api/v1/users/lookup").queryParam("email", "{e}").build(email))
                .header("X-API-Key", "test-key").exchange();
    }
}
