package io.herald.campaign.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignServiceTestBase;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

class CampaignHistoryIntegrationTests extends CampaignServiceTestBase {

    @BeforeEach
    void startEmpty(TestRedis redis) {
        redis.flushAll();
        others.categories("Finance", "Movies");
    }

    String create(String name, String category) {
        return create(Map.of("name", name, "category", category, "subject", "s", "message", "m"));
    }

    List<Map<String, Object>> get(String uri) {
        return web.get().uri(uri).header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
    }

    /** A completed campaign with two audience batches. */
    String completedCampaign() {
        String id = create("Rates", "Finance");
        others.userServiceReadsCampaigns();
        others.audienceBatch(id, 0, false, 2);
        others.audienceBatch(id, 1, true, 1);
        others.progress(StreamKeys.notify("email"), id, Map.of("targeted", 3L, "delivered", 2L, "failed", 1L));
        others.rendered(id, 2, 1);
        await().atMost(Duration.ofSeconds(45)).until(() -> "COMPLETED".equals(campaign(id).get("status")));
        return id;
    }

    @Test
    void projectionDeletedIsRebuiltFromTheEventIndex() {
        String id = completedCampaign();
        Map<String, Object> before = campaign(id);
        List<Map<String, Object>> eventsBefore = get("/api/v1/campaigns/" + id + "/events");

        others.redis().del(StreamKeys.campaign(id));

        assertThat(campaign(id)).isEqualTo(before);
        assertThat(get("/api/v1/campaigns/" + id + "/events")).isEqualTo(eventsBefore);
    }

    @Test
    void projectionAndEventIndexDeletedAreRebuiltByScanningTheStreams() {
        String id = completedCampaign();
        Map<String, Object> before = campaign(id);
        List<Map<String, Object>> eventsBefore = get("/api/v1/campaigns/" + id + "/events");
        // both batches were out before the consumer saw the first, so dispatching comes after them
        assertThat(eventsBefore).extracting(e -> e.get("event")).containsExactly(EventNames.CAMPAIGN_CREATED,
                EventNames.AUDIENCE_RESOLVED, EventNames.AUDIENCE_RESOLVED, EventNames.CAMPAIGN_DISPATCHING,
                EventNames.CAMPAIGN_COMPLETED);
        assertThat(eventsBefore.get(1).get("data")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) eventsBefore.get(1).get("data")).get("recipients")).isEqualTo(2);

        others.redis().del(StreamKeys.campaign(id), CampaignKeys.campaignEvents(id));
        Map<String, Object> rebuilt = web.post().uri("/api/v1/campaigns/" + id + "/projection/rebuild")
                .header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(rebuilt).isEqualTo(before);
        assertThat(rebuilt.get("status")).isEqualTo("COMPLETED");
        assertThat(rebuilt.get("recipients")).isEqualTo(3);
        assertThat(get("/api/v1/campaigns/" + id + "/events")).isEqualTo(eventsBefore);
    }

    @Test
    void listIsNewestFirstFilteredByStatusAndLimited() {
        String first = create("first", "Finance");
        String second = create("second", "Movies");
        String third = create("third", "Finance");
        cancel(second).expectStatus().isAccepted();

        assertThat(get("/api/v1/campaigns")).extracting(c -> c.get("id")).containsExactly(third, second, first);
        assertThat(get("/api/v1/campaigns?limit=2")).extracting(c -> c.get("id")).containsExactly(third, second);
        assertThat(get("/api/v1/campaigns?status=ACCEPTED")).extracting(c -> c.get("id")).containsExactly(third, first);
        assertThat(get("/api/v1/campaigns?status=cancelled")).extracting(c -> c.get("id")).containsExactly(second);
        assertThat(get("/api/v1/campaigns?status=COMPLETED")).isEmpty();
    }

    @Test
    void listRejectsAnUnknownStatusOrABadLimit() {
        for (String query : List.of("status=FINISHED", "limit=0", "limit=501", "limit=many")) {
            web.get().uri("/api/v1/campaigns?" + query).header("X-API-Key", "test-key").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }
}
