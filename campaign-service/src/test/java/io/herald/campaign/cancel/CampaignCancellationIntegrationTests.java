package io.herald.campaign.cancel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignServiceTestBase;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

class CampaignCancellationIntegrationTests extends CampaignServiceTestBase {

    String createAt(String scheduledAt) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "n", "category", "Finance", "subject", "s", "message", "m"));
        if (scheduledAt != null) {
            body.put("scheduledAt", scheduledAt);
        }
        return create(body);
    }

    @Test
    void runningCampaignIsCancelledAndWorkersAreTold() {
        String id = createAt(null);
        others.userServiceReadsCampaigns();
        others.audienceBatch(id, 0, true, 2);
        await().atMost(Duration.ofSeconds(45)).until(() -> "DISPATCHING".equals(status(id)));

        cancel(id).expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.cancelledAt").isNotEmpty();

        assertThat(others.redis().sismember(StreamKeys.cancelledCampaigns(), id)).isTrue();
        assertThat(others.campaignEvents(EventNames.CAMPAIGN_CANCELLED, id)).hasSize(1);
        // workers settle the rest as cancelled: the campaign stays CANCELLED, never COMPLETED
        others.rendered(id, 1, 0);
        others.progress(StreamKeys.notify("email"), id, Map.of("targeted", 2L, "delivered", 1L, "cancelled", 1L));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(status(id)).isEqualTo("CANCELLED"));
        assertThat(others.campaignEvents(EventNames.CAMPAIGN_COMPLETED, id)).isEmpty();
    }

    @Test
    void scheduledCampaignCancelledIsNeverReleased() {
        String id = createAt(Instant.now().plusSeconds(2).toString());
        assertThat(status(id)).isEqualTo("SCHEDULED");
        cancel(id).expectStatus().isAccepted();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertThat(status(id)).isEqualTo("CANCELLED");
            assertThat(others.campaignEvents(EventNames.CAMPAIGN_CREATED, id)).isEmpty();
        });
        assertThat(others.redis().zscore(CampaignKeys.campaignSchedule(), id)).isNull();
    }

    @Test
    void cancellingAnEndedCampaignIsAConflict() {
        String cancelled = createAt(null);
        cancel(cancelled).expectStatus().isAccepted();
        cancel(cancelled).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        String completed = createAt(null);
        others.userServiceReadsCampaigns();
        others.audienceBatch(completed, 0, true, 0);
        others.rendered(completed, 1, 0);
        await().atMost(Duration.ofSeconds(45)).until(() -> "COMPLETED".equals(status(completed)));
        cancel(completed).expectStatus().isEqualTo(409);
        assertThat(others.campaignEvents(EventNames.CAMPAIGN_CANCELLED, completed)).isEmpty();
    }
}
