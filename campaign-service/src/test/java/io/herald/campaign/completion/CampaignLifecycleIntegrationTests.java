package io.herald.campaign.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignServiceTestBase;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

class CampaignLifecycleIntegrationTests extends CampaignServiceTestBase {

    String create(List<String> channels) {
        return create(Map.of("name", "Rates", "category", "Finance", "subject", "Rates", "message", "Hello {{name}}",
                "channels", channels));
    }

    List<String> eventNames(String id) {
        List<Map<String, Object>> events = web.get().uri("/api/v1/campaigns/" + id + "/events")
                .header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        return events.stream().map(e -> (String) e.get("event")).toList();
    }

    void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(status(id)).isEqualTo(status));
    }

    /** Resolves the audience in two batches (3 + 1 recipients), waiting for RESOLVING and DISPATCHING on the way. */
    void resolve(String id) {
        others.userServiceReadsCampaigns();
        awaitStatus(id, "RESOLVING");
        others.audienceBatch(id, 0, false, 3);
        awaitStatus(id, "DISPATCHING");
        others.audienceBatch(id, 1, true, 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void campaignGoesFromAcceptedThroughResolvingAndDispatchingToCompletedExactlyOnce() {
        String id = create(List.of("email", "sms"));
        assertThat(status(id)).isEqualTo("ACCEPTED");
        resolve(id);
        // as notification-service does: targeted counters first, then the batches are marked rendered
        others.progress(StreamKeys.notify("email"), id, Map.of("targeted", 4L, "delivered", 3L, "failed", 1L));
        others.progress(StreamKeys.notify("sms"), id, Map.of("targeted", 4L, "delivered", 2L, "deadLettered", 1L));
        others.rendered(id, 2, 1);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(45))
                .untilAsserted(() -> assertThat(status(id)).isEqualTo("DISPATCHING"));

        others.progress(StreamKeys.notify("sms"), id, Map.of("cancelled", 1L));
        awaitStatus(id, "COMPLETED");

        Map<String, Object> done = campaign(id);
        assertThat(done.get("completedAt")).isNotNull();
        assertThat(done.get("recipients")).isEqualTo(4);
        assertThat((Map<Object, Object>) ((Map<?, ?>) done.get("progress")).get("sms"))
                .containsEntry("targeted", 4).containsEntry("delivered", 2).containsEntry("deadLettered", 1)
                .containsEntry("cancelled", 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(others.campaignEvents(EventNames.CAMPAIGN_COMPLETED, id)).hasSize(1));
        assertThat(others.redis().sismember(CampaignKeys.activeCampaigns(), id)).isFalse();
        assertThat(eventNames(id)).containsExactly(EventNames.CAMPAIGN_CREATED, EventNames.AUDIENCE_RESOLVED,
                EventNames.CAMPAIGN_DISPATCHING, EventNames.AUDIENCE_RESOLVED, EventNames.CAMPAIGN_COMPLETED);
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("herald_campaigns_total\\{[^}]*outcome=\"completed\"[^}]*\\} [1-9]"));
    }

    @Test
    void campaignIsNotCompletedBeforeItsLastBatchIsRendered() {
        String id = create(List.of("email"));
        others.userServiceReadsCampaigns();
        others.audienceBatch(id, 0, false, 2);
        awaitStatus(id, "DISPATCHING");
        // every targeted notification so far is delivered, but the last batch is still to come
        others.redis().hset(StreamKeys.rendered(id), "batches", "1");
        others.progress(StreamKeys.notify("email"), id, Map.of("targeted", 2L, "delivered", 2L));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(status(id)).isEqualTo("DISPATCHING"));

        others.audienceBatch(id, 1, true, 1);
        others.rendered(id, 2, 1);
        others.progress(StreamKeys.notify("email"), id, Map.of("targeted", 3L, "delivered", 3L));
        awaitStatus(id, "COMPLETED");
    }

    @Test
    void progressStreamSendsUpdatesAndEndsWithCompleted() throws Exception {
        String id = create(List.of("email"));
        CompletableFuture<List<Map<String, Object>>> received = web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/api/v1/campaigns/" + id + "/progress").header("X-API-Key", "test-key")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .map(ServerSentEvent::data)
                .collectList()
                .toFuture();
        resolve(id);
        others.progress(StreamKeys.notify("email"), id, Map.of("targeted", 4L, "delivered", 1L));
        others.rendered(id, 2, 1);
        await().atMost(Duration.ofSeconds(45)).until(() -> others.redis().hget(StreamKeys.campaign(id), "status")
                .equals("DISPATCHING"));
        others.progress(StreamKeys.notify("email"), id, Map.of("delivered", 4L));

        List<Map<String, Object>> events = received.get(60, TimeUnit.SECONDS);
        List<Object> statuses = events.stream().map(e -> e.get("status")).toList();
        assertThat(statuses.get(0)).isEqualTo("ACCEPTED");
        assertThat(statuses).contains("RESOLVING", "DISPATCHING");
        assertThat(statuses.get(statuses.size() - 1)).isEqualTo("COMPLETED");
        assertThat(statuses.subList(0, statuses.size() - 1)).doesNotContain("COMPLETED");
        Map<?, ?> last = (Map<?, ?>) ((Map<?, ?>) events.get(events.size() - 1).get("progress")).get("email");
        assertThat(last.get("delivered")).isEqualTo(4);
    }

    @Test
    void progressStreamOfAnEndedCampaignSendsOneEventAndEnds() {
        String id = create(List.of("email"));
        cancel(id).expectStatus().isAccepted();
        List<ServerSentEvent<Map<String, Object>>> events = web.get().uri("/api/v1/campaigns/" + id + "/progress")
                .header("X-API-Key", "test-key").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody().collectList().block(Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).event()).isEqualTo("progress");
        assertThat(events.get(0).data().get("status")).isEqualTo("CANCELLED");
    }

    @Test
    void unknownCampaignIsNotFoundEverywhere() {
        for (String path : List.of("", "/events", "/progress")) {
            web.get().uri("/api/v1/campaigns/no-such-campaign" + path).header("X-API-Key", "test-key").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.delete().uri("/api/v1/campaigns/no-such-campaign").header("X-API-Key", "test-key").exchange()
                .expectStatus().isNotFound();
    }
}
