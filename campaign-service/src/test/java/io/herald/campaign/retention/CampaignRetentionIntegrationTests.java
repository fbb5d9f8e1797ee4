package io.herald.campaign.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignServiceTestBase;
import io.herald.eventstore.NotificationHistory;
import io.herald.eventstore.StreamKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.TestPropertySource;

/**
 * Retention of a campaign's per-notification records (docs/design.md §9): kept while the campaign
 * runs, expired {@code herald.retention.after-completion} after it ended, its final counters kept
 * on the campaign and its notification listing saying the detail expired.
 */
@TestPropertySource(properties = {"herald.retention.after-completion=6s", "herald.retention.interval=200ms"})
class CampaignRetentionIntegrationTests extends CampaignServiceTestBase {

    static final String EMAIL = StreamKeys.notify("email");
    static final Instant SETTLED = Instant.parse("2026-12-02T00:00:00.123Z");
    static final String HISTORY = StreamKeys.userNotifications(EMAIL, NotificationHistory.day(SETTLED));
    static final String OTHER_CAMPAIGNS_ENTRY = NotificationHistory.member("user-0-0", SETTLED, "other:user-0-0:email");

    @Test
    @SuppressWarnings("unchecked")
    void recordsExpireOnlyAfterTheCampaignEndedAndItsFinalCountersStay() {
        String id = startDispatching();
        List<String> records = writeRecords(id);
        others.progress(EMAIL, id, Map.of("targeted", 3L, "delivered", 2L));
        others.rendered(id, 2, 1);

        await().during(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(id)).isEqualTo("DISPATCHING");
            assertThat(records).allMatch(key -> others.redis().exists(key) == 1);
            assertThat(others.redis().zcard(HISTORY)).isEqualTo(4);
        });

        others.progress(EMAIL, id, Map.of("targeted", 3L, "delivered", 3L));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(id)).isEqualTo("COMPLETED"));
        Map<String, Object> kept = notifications(id);
        assertThat(kept.get("detailExpired")).isEqualTo(false);
        assertThat(Instant.parse((String) kept.get("detailExpiresAt")))
                .isEqualTo(Instant.parse((String) campaign(id).get("completedAt")).plusSeconds(6));
        assertThat((List<?>) kept.get("items")).hasSize(3);
        assertThat(others.redis().zscore(CampaignKeys.endedCampaigns(), id)).isNotNull();

        await().atMost(Duration.ofSeconds(45))
                .untilAsserted(() -> assertThat(records).allMatch(key -> others.redis().exists(key) == 0));

        Map<String, Object> done = campaign(id);
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat((Map<Object, Object>) ((Map<?, ?>) done.get("progress")).get("email"))
                .containsEntry("targeted", 3).containsEntry("delivered", 3);
        Map<String, Object> expired = notifications(id);
        assertThat(expired.get("detailExpired")).isEqualTo(true);
        assertThat(expired.get("detailExpiresAt")).isNotNull();
        assertThat((List<?>) expired.get("items")).isEmpty();
        assertThat(others.redis().zscore(CampaignKeys.endedCampaigns(), id)).isNull();
        assertThat(others.redis().zrange(HISTORY, 0, -1)).as("the users' histories forgot this campaign only")
                .containsExactly(OTHER_CAMPAIGNS_ENTRY);
        web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.retention.details.campaignsAwaitingExpiry").isEqualTo(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCancelledCampaignKeepsItsCountersAsTheyStoodWhenItsRecordsExpired() {
        String id = startDispatching();
        List<String> records = writeRecords(id);
        others.progress(EMAIL, id, Map.of("targeted", 3L, "delivered", 1L, "cancelled", 2L));
        cancel(id).expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(45))
                .untilAsserted(() -> assertThat(records).allMatch(key -> others.redis().exists(key) == 0));

        Map<String, Object> done = campaign(id);
        assertThat(done.get("status")).isEqualTo("CANCELLED");
        assertThat((Map<Object, Object>) ((Map<?, ?>) done.get("progress")).get("email"))
                .containsEntry("targeted", 3).containsEntry("delivered", 1).containsEntry("cancelled", 2);
        assertThat(notifications(id).get("detailExpired")).isEqualTo(true);
    }

    @Test
    void aScheduledCampaignIsNotOnTheEndedSet() {
        String id = create(Map.of("name", "Later", "category", "Finance", "subject", "s", "message", "m",
                "channels", List.of("email"), "scheduledAt", Instant.now().plus(Duration.ofDays(1)).toString()));
        assertThat(status(id)).isEqualTo("SCHEDULED");
        assertThat(others.redis().zscore(CampaignKeys.endedCampaigns(), id)).isNull();
    }

    private String startDispatching() {
        String id = create(Map.of("name", "Rates", "category", "Finance", "subject", "Rates", "message", "Hello",
                "channels", List.of("email")));
        others.userServiceReadsCampaigns();
        others.audienceBatch(id, 0, false, 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(status(id)).isEqualTo("DISPATCHING"));
        others.audienceBatch(id, 1, true, 1);
        return id;
    }

    /** What the other services write for the campaign: outcome records and every marker. */
    private List<String> writeRecords(String id) {
        String delivered = StreamKeys.delivered(EMAIL, id);
        for (String user : List.of("user-0-0", "user-0-1", "user-1-0")) {
            String notificationId = id + ":" + user + ":email";
            others.redis().hset(delivered, notificationId,
                    "{\"status\":\"DELIVERED\",\"attempts\":1,\"at\":\"" + SETTLED + "\"}");
            others.redis().zadd(HISTORY, 0, NotificationHistory.member(user, SETTLED, notificationId));
        }
        others.redis().zadd(HISTORY, 0, OTHER_CAMPAIGNS_ENTRY);
        others.redis().sadd(StreamKeys.renderedBatches(EMAIL, id), "0", "1");
        others.redis().hset(StreamKeys.audienceBatches(id), Map.of("0", "1", "1", "1", "last", "1"));
        others.redis().zadd(StreamKeys.audienceSnapshot("Finance", id), 1, "1");
        others.redis().hset(StreamKeys.rendered(id), "batch:0", "1");
        return List.of(delivered, StreamKeys.progress(EMAIL, id), StreamKeys.renderedBatches(EMAIL, id),
                StreamKeys.audienceBatches(id), StreamKeys.audienceSnapshot("Finance", id), StreamKeys.rendered(id));
    }

    private Map<String, Object> notifications(String id) {
        return web.get().uri("/api/v1/campaigns/" + id + "/notifications").header("X-API-Key", API_KEY).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }
}
