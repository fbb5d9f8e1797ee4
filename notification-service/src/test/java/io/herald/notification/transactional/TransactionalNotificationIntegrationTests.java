package io.herald.notification.transactional;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
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
class TransactionalNotificationIntegrationTests {

    @Autowired
    WebTestClient web;

    HeraldRedis redis;

    @BeforeEach
    void seedUsers(TestRedis testRedis) {
        redis = new HeraldRedis(testRedis.url());
        // as user-service stores them: channels as a JSON array (and, for user 2, comma-separated)
        redis.sync().hset(StreamKeys.user("1"), Map.of("id", "1", "name", "Ada Lovelace", "email", "ada@example.org",
                "phone", "+49151001", "channels", "email,sms"));
        redis.sync().hset(StreamKeys.user("2"), Map.of("id", "2", "name", "Bob", "deviceToken", "token-2",
                "channels", "push"));
        redis.sync().hset(StreamKeys.user("3"), Map.of("id", "3", "name", "Cy", "channels", "email"));
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void aTransactionalNotificationIsQueuedOnThePriorityLaneOfEachChosenChannel() {
        List<String> ids = send(Map.of("userId", "1", "subject", "Your code, {{name}}", "message", "Code 1234 for {{email}}"));

        assertThat(ids).hasSize(2);
        String txCampaign = ids.get(0).substring(0, ids.get(0).indexOf(':'));
        assertThat(txCampaign).startsWith("tx-");
        assertThat(ids).containsExactly(txCampaign + ":1:email", txCampaign + ":1:sms");

        List<HeraldRedis.Queued> mails = redis.queued(StreamKeys.priority("email"), txCampaign);
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.envelope().event()).isEqualTo(EventNames.MESSAGE_QUEUED);
            assertThat(mail.envelope().id()).isEqualTo(EventEnvelope.deterministicId("notification:" + ids.get(0)));
            assertThat(mail.text("notificationId")).isEqualTo(ids.get(0));
            assertThat(mail.text("to")).isEqualTo("ada@example.org");
            assertThat(mail.text("subject")).isEqualTo("Your code, Ada Lovelace");
            assertThat(mail.text("body")).isEqualTo("Code 1234 for ada@example.org");
            assertThat(mail.text("html")).contains("Code 1234 for ada@example.org");
        });
        assertThat(redis.queued(StreamKeys.priority("sms"), txCampaign)).singleElement()
                .satisfies(sms -> assertThat(sms.text("to")).isEqualTo("+49151001"));
        assertThat(redis.queued(StreamKeys.notify("email"), txCampaign)).isEmpty();
        for (String channel : List.of("email", "sms")) {
            String progress = StreamKeys.progress(StreamKeys.priority(channel), txCampaign);
            assertThat(redis.sync().hget(progress, "targeted")).isEqualTo("1");
            assertThat(redis.sync().ttl(progress)).isPositive();
            assertThat(redis.sync().ttl(StreamKeys.delivered(StreamKeys.priority(channel), txCampaign)))
                    .as("the outcome record expires with it").isPositive();
        }
    }

    @Test
    void onlyTheRequestedChannelsAreUsedAndCommaSeparatedUserChannelsAreUnderstood() {
        assertThat(send(Map.of("userId", "1", "subject", "s", "message", "m", "channels", List.of("sms"))))
                .singleElement().asString().endsWith(":1:sms");
        assertThat(send(Map.of("userId", "2", "subject", "s", "message", "m")))
                .singleElement().asString().endsWith(":2:push");
    }

    @Test
    void anUnknownUserIsNotFound() {
        post(Map.of("userId", "404", "subject", "s", "message", "m")).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void missingFieldsAreBadRequestsNamingTheFields() {
        post(Map.of("userId", "1", "subject", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<?>) fields).map(String::valueOf).containsExactlyInAnyOrder("subject", "message"));
    }

    @Test
    void aChannelTheDeploymentDoesNotKnowIsABadRequest() {
        expectChannelProblem(Map.of("userId", "1", "subject", "s", "message", "m", "channels", List.of("fax")), "unknown channel");
    }

    @Test
    void aChannelTheUserHasNotChosenIsABadRequest() {
        expectChannelProblem(Map.of("userId", "1", "subject", "s", "message", "m", "channels", List.of("push")), "not chosen");
    }

    @Test
    void aChosenChannelWithoutAddressIsABadRequest() {
        expectChannelProblem(Map.of("userId", "3", "subject", "s", "message", "m", "channels", List.of("email")), "no address");
        expectChannelProblem(Map.of("userId", "3", "subject", "s", "message", "m"), "no channel with an address");
    }

    @Test
    void badRequestsQueueNothing() {
        long smsBefore = redis.sync().xlen(StreamKeys.priority("sms"));
        long pushBefore = redis.sync().xlen(StreamKeys.priority("push"));

        // sms alone would be fine; push makes the whole request bad, so not even the SMS is queued
        expectChannelProblem(Map.of("userId", "1", "subject", "s", "message", "m", "channels", List.of("sms", "push")),
                "not chosen");

        assertThat(redis.sync().xlen(StreamKeys.priority("sms"))).isEqualTo(smsBefore);
        assertThat(redis.sync().xlen(StreamKeys.priority("push"))).isEqualTo(pushBefore);
    }

    @Test
    void theApiNeedsTheApiKey() {
        web.post().uri("/api/v1/notifications").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("userId", "1", "subject", "s", "message", "m"))
                .exchange().expectStatus().isUnauthorized();
    }

    private void expectChannelProblem(Map<String, Object> body, String detail) {
        post(body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("channels")
                .jsonPath("$.errors[0].message").value(message -> assertThat(String.valueOf(message)).contains(detail));
    }

    @SuppressWarnings("unchecked")
    private List<String> send(Map<String, Object> body) {
        Map<String, Object> answer = post(body).expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<String>) answer.get("notificationIds");
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body) {
        return web.post().uri("/api/v1/notifications").header("X-API-Key", "test-key")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
