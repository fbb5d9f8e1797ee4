package io.herald.notification.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.StreamKeys;
import io.herald.notification.support.HeraldRedis;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "herald.api-key=test-key")
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext
class NotificationStatusIntegrationTests {

    private static final String AT = "2026-11-25T10:15:30Z";

    @Autowired
    WebTestClient web;

    HeraldRedis redis;

    @BeforeEach
    void seedUser(TestRedis testRedis) {
        redis = new HeraldRedis(testRedis.url());
        redis.sync().hset(StreamKeys.user("1"), Map.of("name", "Ada", "email", "ada@example.org",
                "phone", "+49151001", "channels", "email,sms"));
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void aTransactionalNotificationWithoutOutcomeIsQueued() {
        String id = sendEmailToAda();

        status(id).expectStatus().isOk().expectBody()
                .jsonPath("$.notificationId").isEqualTo(id)
                .jsonPath("$.status").isEqualTo("QUEUED")
                .jsonPath("$.attempts").isEqualTo(0)
                .jsonPath("$.lastError").doesNotExist()
                .jsonPath("$.deliveredAt").doesNotExist();
    }

    @Test
    void aDeliveredTransactionalNotificationShowsItsAttemptsAndWhenItWasDelivered() {
        String id = sendEmailToAda();
        recordOutcome(StreamKeys.priority("email"), id, "{\"status\":\"DELIVERED\",\"attempts\":2,\"at\":\"" + AT
                + "\",\"error\":null}");

        status(id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DELIVERED")
                .jsonPath("$.attempts").isEqualTo(2)
                .jsonPath("$.deliveredAt").isEqualTo(AT)
                .jsonPath("$.lastError").doesNotExist();
    }

    @Test
    void aFailedNotificationShowsItsLastErrorAndNoDeliveryTime() {
        String id = sendEmailToAda();
        recordOutcome(StreamKeys.priority("email"), id, "{\"status\":\"FAILED\",\"attempts\":1,\"at\":\"" + AT
                + "\",\"error\":\"550 mailbox unavailable\"}");

        status(id).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("FAILED")
                .jsonPath("$.attempts").isEqualTo(1)
                .jsonPath("$.lastError").isEqualTo("550 mailbox unavailable")
                .jsonPath("$.deliveredAt").doesNotExist();
    }

    @Test
    void anOutcomeStaysReadableAfterTheQueuedRecordExpired() {
        String id = sendEmailToAda();
        String txCampaign = id.substring(0, id.indexOf(':'));
        recordOutcome(StreamKeys.priority("email"), id, "{\"status\":\"DELIVERED\",\"attempts\":1,\"at\":\"" + AT + "\"}");
        redis.sync().del(StreamKeys.progress(StreamKeys.priority("email"), txCampaign));

        status(id).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DELIVERED");
    }

    @Test
    void aCampaignNotificationIsReadFromItsBulkStreamsOutcomes() {
        String campaign = "c-status";
        redis.sync().hset(StreamKeys.progress("notify:sms", campaign), "targeted", "2");
        recordOutcome("notify:sms", campaign + ":5:sms", "{\"status\":\"DEAD_LETTERED\",\"attempts\":5,\"at\":\"" + AT
                + "\",\"error\":\"provider timeout\"}");

        status(campaign + ":5:sms").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DEAD_LETTERED")
                .jsonPath("$.attempts").isEqualTo(5)
                .jsonPath("$.lastError").isEqualTo("provider timeout");
        status(campaign + ":6:sms").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("QUEUED");
        status(campaign + ":6:email").expectStatus().isNotFound();
    }

    @Test
    void anUnknownNotificationIsNotFound() {
        status("tx-00000000-0000-0000-0000-000000000000:1:email").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        status("unknown-campaign:1:sms").expectStatus().isNotFound();
        status("tx-abc:1:fax").expectStatus().isNotFound();
    }

    @Test
    void aMalformedNotificationIdIsABadRequest() {
        status("not-an-id").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("notificationId");
        status("c::email").expectStatus().isBadRequest();
    }

    private String sendEmailToAda() {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> answer = web.post().uri("/api/v1/notifications").header("X-API-Key", "test-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", "1", "subject", "Hi", "message", "Hello", "channels", List.of("email")))
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return answer.get("notificationIds").get(0);
    }

    /** What channel-workers write when they settle a notification (docs/design.md §3, outcome records). */
    private void recordOutcome(String stream, String notificationId, String outcomeJson) {
        String campaign = notificationId.substring(0, notificationId.indexOf(':'));
        redis.sync().hset(StreamKeys.delivered(stream, campaign), notificationId, outcomeJson);
    }

    private WebTestClient.ResponseSpec status(String notificationId) {
        return web.get().uri("/api/v1/notifications/{id}", notificationId).header("X-API-Key", "test-key").exchange();
    }
}
