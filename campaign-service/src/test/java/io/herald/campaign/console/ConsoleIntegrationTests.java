package io.herald.campaign.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.campaign.CampaignServiceTestBase;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;

// user-service and channel-workers are not running: their proxied endpoints answer 503
@TestPropertySource(properties = {"herald.console.services.users=http://127.0.0.1:9",
        "herald.console.services.workers=http://127.0.0.1:9", "herald.console.mail-url=http://localhost:8025"})
class ConsoleIntegrationTests extends CampaignServiceTestBase {

    @BeforeEach
    void startEmpty(TestRedis redis) {
        redis.flushAll();
        others.categories("Finance", "Movies");
    }

    @Test
    void everyHeraldStreamIsListedByNameWithItsGroupsAndNoOtherKeyCanBeRead() {
        create(Map.of("name", "n", "category", "Finance", "subject", "s", "message", "m"));
        others.redis().xgroupCreate(XReadArgs.StreamOffset.from(StreamKeys.CAMPAIGNS, "0"), "console-test");
        others.redis().xreadgroup(Consumer.from("console-test", "reader-1"), XReadArgs.StreamOffset.lastConsumed(StreamKeys.CAMPAIGNS));

        List<Map<String, Object>> streams = web.get().uri("/api/v1/console/streams").header("X-API-Key", API_KEY)
                .exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        assertThat(streams).extracting(s -> s.get("stream")).containsExactly("campaigns", "audiences", "users",
                "notify:email:priority", "notify:email", "dlq:email", "notify:sms:priority", "notify:sms", "dlq:sms",
                "notify:push:priority", "notify:push", "dlq:push");
        Map<String, Object> campaigns = streams.get(0);
        assertThat(((Number) campaigns.get("length")).longValue()).isEqualTo(1);
        assertThat(campaigns.get("firstId")).isEqualTo(campaigns.get("lastId")).isNotNull();
        assertThat((List<Map<String, Object>>) campaigns.get("groups")).extracting(g -> g.get("name")).contains("console-test");

        web.get().uri("/api/v1/console/streams/campaigns?count=5").header("X-API-Key", API_KEY).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.newest[0].fields.event").isEqualTo("campaign_campaign_created")
                .jsonPath("$.consumers['console-test'][0].name").isEqualTo("reader-1")
                .jsonPath("$.consumers['console-test'][0].pending").isEqualTo(1);
        web.get().uri("/api/v1/console/streams/{key}", StreamKeys.USER_IDS).header("X-API-Key", API_KEY).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/console/streams/campaigns?count=101").header("X-API-Key", API_KEY).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("count");
    }

    @Test
    void aGroupsPendingEntriesShowTheirConsumerAndDeliveryCount() {
        String stream = StreamKeys.notify("email");
        others.redis().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), "channel-workers",
                XGroupCreateArgs.Builder.mkstream());
        String id = others.redis().xadd(stream, Map.of("event", "notification_message_queued", "data", "{}"));
        others.redis().xreadgroup(Consumer.from("channel-workers", "worker-1"), XReadArgs.StreamOffset.lastConsumed(stream));

        web.get().uri("/api/v1/console/streams/notify:email/groups/channel-workers/pending").header("X-API-Key", API_KEY)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[0].id").isEqualTo(id)
                .jsonPath("$[0].consumer").isEqualTo("worker-1")
                .jsonPath("$[0].deliveries").isEqualTo(1);
        web.get().uri("/api/v1/console/streams/notify:email/groups/nobody/pending").header("X-API-Key", API_KEY)
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void theLiveStreamCarriesTheProgressOfARunningCampaign() {
        String id = create(Map.of("name", "live", "category", "Finance", "subject", "s", "message", "m"));

        var events = web.get().uri("/api/v1/console/live").header("X-API-Key", API_KEY)
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody();
        assertThat(events.filter(e -> "progress".equals(e.event())).map(e -> e.data().get("id"))
                .blockFirst(Duration.ofSeconds(20))).isEqualTo(id);
        web.get().uri("/api/v1/console/live").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aLaterPageOfTheCampaignListStartsWhereTheFirstEnded() {
        String oldest = create(Map.of("name", "1", "category", "Finance", "subject", "s", "message", "m"));
        String middle = create(Map.of("name", "2", "category", "Finance", "subject", "s", "message", "m"));
        String newest = create(Map.of("name", "3", "category", "Finance", "subject", "s", "message", "m"));

        assertThat(ids("/api/v1/campaigns?limit=2")).containsExactly(newest, middle);
        assertThat(ids("/api/v1/campaigns?limit=2&offset=2")).containsExactly(oldest);
        web.get().uri("/api/v1/campaigns?offset=-1").header("X-API-Key", API_KEY).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("offset");
    }

    @Test
    void theConsolePageIsServedWithItsProtectionsAndAServiceThatIsDownIsA503() {
        web.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", ConsoleHeaders.POLICY)
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).value(html -> assertThat(html).contains("<title>Herald console</title>"));
        web.get().uri("/api/v1/console/config").header("X-API-Key", API_KEY).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.mailUrl").isEqualTo("http://localhost:8025")
                .jsonPath("$.channels[0]").isEqualTo("email");
        web.get().uri("/api/v1/console/categories").header("X-API-Key", API_KEY).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody().jsonPath("$.detail").isEqualTo("user-service cannot be reached");
        web.get().uri("/api/v1/console/channels/pigeon/dead-letters").header("X-API-Key", API_KEY).exchange()
                .expectStatus().isNotFound();
    }

    private List<Object> ids(String uri) {
        return web.get().uri(uri).header("X-API-Key", API_KEY).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody().stream().map(c -> c.get("id")).toList();
    }
}
