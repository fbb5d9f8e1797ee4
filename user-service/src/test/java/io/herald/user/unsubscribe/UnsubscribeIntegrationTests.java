package io.herald.user.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.UnsubscribeLinks;
import io.herald.testsupport.RealRedis;
import io.herald.user.SeededRedis;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.unsubscribe.secret=test-secret"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext
class UnsubscribeIntegrationTests {

    private final UnsubscribeLinks links = new UnsubscribeLinks("test-secret", "");

    @Autowired
    WebTestClient web;

    @Autowired
    RedisConnections connections;

    RedisClusterCommands<String, String> redis;

    @BeforeEach
    void connectAndAwaitDefaultCategories() {
        redis = SeededRedis.await(connections, redis);
    }

    private String createUser() {
        return web.post().uri("/api/v1/users").header("X-API-Key", "test-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"name": "Grace", "email": "grace@example.com", "categories": ["Finance", "Movies"],
                         "channels": ["email"]}""")
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody()
                .replaceAll("(?s).*\"id\"\\s*:\\s*\"(\\d+)\".*", "$1");
    }

    private boolean member(String category, String id) {
        return redis.zscore(StreamKeys.categoryMembers(category), id) != null;
    }

    @Test
    void theConfirmationPageShowsAButtonAndChangesNothing() {
        String id = createUser();
        long events = redis.xlen(StreamKeys.USERS);

        web.get().uri("/unsubscribe/" + links.token(id, "Finance")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("Unsubscribe from Finance?", "<form method=\"post\">", "<button"));

        assertThat(member("Finance", id)).isTrue();
        assertThat(redis.xlen(StreamKeys.USERS)).isEqualTo(events);
    }

    @Test
    void aOneClickPostTakesTheUserOutOfTheCategoryAnnouncesItOnceAndARepeatIsStill200() {
        String id = createUser();
        String url = "/unsubscribe/" + links.token(id, "Finance");
        long events = redis.xlen(StreamKeys.USERS);

        web.post().uri(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("List-Unsubscribe=One-Click")
                .exchange().expectStatus().isOk();

        assertThat(member("Finance", id)).isFalse();
        assertThat(member("Movies", id)).isTrue();
        assertThat(redis.hget(StreamKeys.user(id), "categories")).isEqualTo("Movies");
        assertThat(redis.xlen(StreamKeys.USERS)).isEqualTo(events + 1);
        var last = redis.xrevrange(StreamKeys.USERS, Range.create("-", "+"), Limit.create(0, 1)).get(0);
        EventEnvelope event = EventEnvelope.fromFields(last.getBody());
        assertThat(event.event()).isEqualTo(EventNames.USER_UPDATED);
        assertThat(event.data()).contains("\"id\":\"" + id + "\"", "\"categories\":[\"Movies\"]");

        web.post().uri(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("List-Unsubscribe=One-Click")
                .exchange().expectStatus().isOk();
        assertThat(redis.xlen(StreamKeys.USERS)).isEqualTo(events + 1);
    }

    @Test
    void aLinkOfADeletedUserIsA200ThatChangesNothing() {
        String id = createUser();
        web.delete().uri("/api/v1/users/" + id).header("X-API-Key", "test-key").exchange().expectStatus().isNoContent();
        long events = redis.xlen(StreamKeys.USERS);

        web.post().uri("/unsubscribe/" + links.token(id, "Finance")).exchange().expectStatus().isOk();

        assertThat(redis.exists(StreamKeys.user(id))).isZero();
        assertThat(redis.xlen(StreamKeys.USERS)).isEqualTo(events);
    }

    @Test
    void aForgedTamperedOrTruncatedTokenIs400ProblemAndChangesNothing() {
        String id = createUser();
        String token = links.token(id, "Finance");
        long events = redis.xlen(StreamKeys.USERS);
        String otherUser = links.token(id + "0", "Finance");
        List<String> bad = List.of(new UnsubscribeLinks("guessed", "").token(id, "Finance"),
                token.substring(0, token.length() - 2),
                otherUser.substring(0, otherUser.indexOf('.')) + token.substring(token.indexOf('.')),
                "x".repeat(2000), "%00", "a.b");

        for (String forged : bad) {
            web.post().uri("/unsubscribe/{token}", forged).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    // "%00" is refused before routing by the strict path rules (service-kit), the rest here
                    .expectBody().jsonPath("$.title").value(title ->
                            assertThat((String) title).isIn("Invalid unsubscribe link", "Rejected path"));
            web.get().uri("/unsubscribe/{token}", forged).exchange().expectStatus().isBadRequest();
        }

        assertThat(member("Finance", id)).isTrue();
        assertThat(redis.xlen(StreamKeys.USERS)).isEqualTo(events);
    }
}
