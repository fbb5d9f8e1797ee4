package io.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.channel.delivery.Notification;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=webhook", "herald.workers.block=200ms",
        "herald.workers.max-attempts=3", "herald.workers.initial-backoff=50ms", "herald.workers.max-backoff=200ms"})
@AutoConfigureWebTestClient
@Import(WebhookChannel.class)
@DirtiesContext
class ChannelWorkersIntegrationTests extends QueueingTest {

    private static final String STREAM = StreamKeys.notify(WebhookSender.CHANNEL);

    @Autowired
    WebhookSender sender;

    @Autowired
    WebTestClient web;


    @Test
    void aChannelAddedAsOneSenderClassGetsEveryNotificationOfItsStreamRecordedDeliveredOnce() {
        List<Notification> notifications = queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 300);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 300);
        Map<String, String> outcomes = queued.outcomes(STREAM, campaign);
        assertThat(outcomes).hasSize(300);
        assertThat(outcomes.get(notifications.get(7).notificationId()))
                .contains("\"status\":\"DELIVERED\"", "\"attempts\":1", "\"error\":null", "\"at\":\"");
        notifications.forEach(n -> assertThat(sender.sends().get(n.notificationId())).hasValue(1));
        assertThat(queued.redis().xpending(STREAM, "channel-workers").getCount()).isZero();
    }

    @Test
    void aPermanentRejectionIsRecordedFailedAtOnceWhileTheOthersAreDelivered() {
        sender.reject(QueuedNotifications.to(campaign, 3));
        queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 10);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.outcomes(STREAM, campaign).size() == 10);
        assertThat(queued.counter(STREAM, campaign, "failed")).isEqualTo(1);
        assertThat(queued.counter(STREAM, campaign, "delivered")).isEqualTo(9);
        assertThat(queued.outcomes(STREAM, campaign).get(campaign + ":u3:webhook"))
                .contains("\"status\":\"FAILED\"", "\"attempts\":1", "410 endpoint gone");
        assertThat(sender.calls(QueuedNotifications.to(campaign, 3))).isEqualTo(1);
    }

    @Test
    void aTemporaryFailureIsRetriedWithBackoffUntilTheSendSucceeds() {
        sender.failFirst(QueuedNotifications.to(campaign, 1), 2);
        queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 3);
        assertThat(queued.outcomes(STREAM, campaign).get(campaign + ":u1:webhook")).contains("\"attempts\":3");
        assertThat(sender.calls(QueuedNotifications.to(campaign, 1))).isEqualTo(3);
    }

    @Test
    void aRedeliveredNotificationWhoseOutcomeIsRecordedIsAcknowledgedWithoutAnotherSend() {
        // as if an earlier delivery had recorded u1 and crashed before its XACK
        String u1 = campaign + ":u1:webhook";
        queued.redis().hset(StreamKeys.delivered(STREAM, campaign), u1, "{\"status\":\"DELIVERED\",\"attempts\":1}");
        sender.failFirst(QueuedNotifications.to(campaign, 1), 1);
        queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 2
                && queued.redis().xpending(STREAM, "channel-workers").getCount() == 0);
        // the fresh entry is sent without a look-up (it failed); its retry is a redelivery, which
        // finds the record and is acknowledged without calling the provider again
        assertThat(sender.calls(QueuedNotifications.to(campaign, 1))).isEqualTo(1);
        assertThat(sender.sends()).doesNotContainKey(u1).containsKeys(campaign + ":u0:webhook", campaign + ":u2:webhook");
        assertThat(queued.outcomes(STREAM, campaign).get(u1)).isEqualTo("{\"status\":\"DELIVERED\",\"attempts\":1}");
    }

    @Test
    void aNotificationOfACancelledCampaignIsCountedCancelledAndNotSent() {
        queued.redis().sadd(StreamKeys.cancelledCampaigns(), campaign);
        List<Notification> notifications = queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 20);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "cancelled") == 20);
        assertThat(queued.outcomes(STREAM, campaign).values()).allMatch(o -> o.contains("\"status\":\"CANCELLED\""));
        assertThat(queued.counter(STREAM, campaign, "delivered")).isZero();
        notifications.forEach(n -> assertThat(sender.sends()).doesNotContainKey(n.notificationId()));
    }

    @Test
    void anEntryThatIsNoNotificationGoesToTheChannelsDeadLettersWithoutRetries() {
        String id = queued.redis().xadd(STREAM, EventEnvelope.of(EventNames.MESSAGE_QUEUED, "{\"to\":\"x\"}").toFields());

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.redis().xlen(StreamKeys.deadLetters("webhook")) > 0
                && queued.redis().xrange(StreamKeys.deadLetters("webhook"), io.lettuce.core.Range.create("-", "+"))
                .stream().anyMatch(m -> id.equals(m.getBody().get("entryId"))));
        var letter = queued.redis().xrange(StreamKeys.deadLetters("webhook"), io.lettuce.core.Range.create("-", "+"))
                .stream().filter(m -> id.equals(m.getBody().get("entryId"))).findFirst().orElseThrow();
        assertThat(letter.getBody()).containsEntry("attempts", "1").containsEntry("stream", STREAM);
        assertThat(letter.getBody().get("error")).contains("MalformedEntryException");
    }

    @Test
    void exhaustedRetriesAreDeadLetteredListedNewestFirstAndReplayedIntoDelivery() {
        sender.failFirst(QueuedNotifications.to(campaign, 0), Integer.MAX_VALUE);
        sender.failFirst(QueuedNotifications.to(campaign, 1), Integer.MAX_VALUE);
        queued.queue(STREAM, List.of(QueuedNotifications.notification(campaign, "webhook", 0,
                QueuedNotifications.to(campaign, 0))));
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "deadLettered") == 1);
        queued.queue(STREAM, List.of(QueuedNotifications.notification(campaign, "webhook", 1,
                QueuedNotifications.to(campaign, 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "deadLettered") == 2);
        assertThat(queued.outcomes(STREAM, campaign).get(campaign + ":u0:webhook"))
                .contains("\"status\":\"DEAD_LETTERED\"", "\"attempts\":3", "503 endpoint unavailable");

        web.get().uri("/api/v1/channels/webhook/dead-letters?limit=1000").header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.entry.data =~ /.*" + campaign + ".*/)].entry.data").value(data ->
                        assertThat(data.toString()).containsSubsequence(":u1:webhook", ":u0:webhook"))
                .jsonPath("$[?(@.entry.data =~ /.*" + campaign + ":u0.*/)].attempts").isEqualTo(List.of(3))
                .jsonPath("$[?(@.entry.data =~ /.*" + campaign + ":u0.*/)].stream").isEqualTo(List.of(STREAM));

        sender.failFirst(QueuedNotifications.to(campaign, 0), 0);
        sender.failFirst(QueuedNotifications.to(campaign, 1), 0);
        web.post().uri("/api/v1/channels/webhook/dead-letters/replay").header("X-API-Key", "test-key").exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .expectBody().jsonPath("$.replayed").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(2));

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 2);
        assertThat(queued.counter(STREAM, campaign, "deadLettered")).isZero();
        assertThat(queued.outcomes(STREAM, campaign).values()).allMatch(o -> o.contains("\"status\":\"DELIVERED\""));
    }

    @Test
    void oneDeadLetterOrAllOfOneCampaignAreReplayedWhileOtherCampaignsLettersStay() {
        String other = campaign + "-other";
        for (int i = 0; i < 3; i++) {
            sender.failFirst(QueuedNotifications.to(campaign, i), Integer.MAX_VALUE);
        }
        sender.failFirst(QueuedNotifications.to(other, 0), Integer.MAX_VALUE);
        queued.queue(STREAM, List.of(QueuedNotifications.notification(campaign, "webhook", 0, QueuedNotifications.to(campaign, 0)),
                QueuedNotifications.notification(campaign, "webhook", 1, QueuedNotifications.to(campaign, 1)),
                QueuedNotifications.notification(campaign, "webhook", 2, QueuedNotifications.to(campaign, 2)),
                QueuedNotifications.notification(other, "webhook", 0, QueuedNotifications.to(other, 0))));
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "deadLettered") == 3
                && queued.counter(STREAM, other, "deadLettered") == 1);

        web.get().uri("/api/v1/channels/webhook/campaigns/{c}/undelivered", campaign).header("X-API-Key", "test-key")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].status").isEqualTo("DEAD_LETTERED")
                .jsonPath("$[0].error").value(error -> assertThat(error.toString()).contains("503 endpoint unavailable"));
        byte[] listed = web.get().uri("/api/v1/channels/webhook/dead-letters?campaign={c}", campaign)
                .header("X-API-Key", "test-key").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(3).returnResult().getResponseBody();
        String oneId = new tools.jackson.databind.json.JsonMapper().readTree(listed).get(0).get("id").asString();
        String oneNotification = new tools.jackson.databind.json.JsonMapper().readTree(listed).get(0).get("entry")
                .get("data").asString();

        sender.failFirst(QueuedNotifications.to(campaign, 0), 0);
        sender.failFirst(QueuedNotifications.to(campaign, 1), 0);
        sender.failFirst(QueuedNotifications.to(campaign, 2), 0);
        web.post().uri("/api/v1/channels/webhook/dead-letters/{id}/replay", oneId).header("X-API-Key", "test-key")
                .exchange().expectStatus().isEqualTo(HttpStatus.ACCEPTED).expectBody().jsonPath("$.replayed").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 1);
        assertThat(queued.counter(STREAM, campaign, "deadLettered")).isEqualTo(2);
        assertThat(oneNotification).contains(campaign);
        web.post().uri("/api/v1/channels/webhook/dead-letters/{id}/replay", oneId).header("X-API-Key", "test-key")
                .exchange().expectStatus().isNotFound();

        web.post().uri("/api/v1/channels/webhook/dead-letters/replay?campaign={c}", campaign).header("X-API-Key", "test-key")
                .exchange().expectStatus().isEqualTo(HttpStatus.ACCEPTED).expectBody().jsonPath("$.replayed").isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 3);
        assertThat(queued.counter(STREAM, campaign, "deadLettered")).isZero();
        assertThat(queued.counter(STREAM, other, "deadLettered")).isEqualTo(1);
        web.get().uri("/api/v1/channels/webhook/dead-letters?campaign={c}", other).header("X-API-Key", "test-key")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        web.post().uri("/api/v1/channels/webhook/dead-letters/not-an-id/replay").header("X-API-Key", "test-key")
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theChannelsEndpointReportsLengthLagPendingConsumersAndRunningTotalsPerChannelAndStream() {
        long deliveredBefore = channelTotal("delivered");
        long failedBefore = channelTotal("failed");
        sender.reject(QueuedNotifications.to(campaign, 4));
        queued.queue(StreamKeys.priority("webhook"), campaign, "webhook", 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.outcomes(StreamKeys.priority("webhook"), campaign).size() == 5);

        assertThat(channelTotal("delivered") - deliveredBefore).isEqualTo(4);
        assertThat(channelTotal("failed") - failedBefore).isEqualTo(1);
        web.get().uri("/api/v1/channels").header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].channel").isEqualTo("webhook")
                .jsonPath("$[0].streams[0].stream").isEqualTo("notify:webhook:priority")
                .jsonPath("$[0].streams[1].stream").isEqualTo("notify:webhook")
                .jsonPath("$[0].streams[0].length").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(5))
                .jsonPath("$[0].streams[0].lag").isEqualTo(0)
                .jsonPath("$[0].streams[0].pending").isEqualTo(0)
                .jsonPath("$[0].streams[0].consumers").isEqualTo(1)
                // the default consumers-per-stream is 2
                .jsonPath("$[0].streams[1].consumers").isEqualTo(2)
                .jsonPath("$[0].consumers").isEqualTo(3)
                .jsonPath("$[0].deadLetters").exists();
    }

    @Test
    void anUnknownChannelIs404AndALimitOutOfRangeIs400WithTheField() {
        web.get().uri("/api/v1/channels/pigeon/dead-letters").header("X-API-Key", "test-key").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/channels/pigeon/dead-letters/replay").header("X-API-Key", "test-key").exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/channels/webhook/dead-letters?limit=1001").header("X-API-Key", "test-key").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        web.get().uri("/api/v1/channels").exchange().expectStatus().isUnauthorized();
    }

    private long channelTotal(String field) {
        byte[] body = web.get().uri("/api/v1/channels").header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return new tools.jackson.databind.json.JsonMapper().readTree(body).get(0).get(field).asLong();
    }
}
