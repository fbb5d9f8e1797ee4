package io.herald.channel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.channel.QueuedNotifications;
import io.herald.channel.WebhookChannel;
import io.herald.channel.WebhookSender;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=webhook", "herald.workers.block=200ms",
        "herald.workers.max-attempts=3", "herald.workers.initial-backoff=50ms", "herald.workers.max-backoff=200ms"})
@Import(WebhookChannel.class)
@DirtiesContext
class ChannelDeliveryIntegrationTests {

    private static final String STREAM = StreamKeys.notify(WebhookSender.CHANNEL);

    @Autowired
    WebhookSender sender;

    QueuedNotifications queued;
    String campaign = "c-" + UUID.randomUUID();

    @BeforeEach
    void connect(TestRedis redis) {
        queued = new QueuedNotifications(redis.url());
    }

    @AfterEach
    void close() {
        queued.close();
    }

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
        sender.reject("to-3");
        queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 10);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.outcomes(STREAM, campaign).size() == 10);
        assertThat(queued.counter(STREAM, campaign, "failed")).isEqualTo(1);
        assertThat(queued.counter(STREAM, campaign, "delivered")).isEqualTo(9);
        assertThat(queued.outcomes(STREAM, campaign).get(campaign + ":u3:webhook"))
                .contains("\"status\":\"FAILED\"", "\"attempts\":1", "410 endpoint gone");
        assertThat(sender.calls("to-3")).isEqualTo(1);
    }

    @Test
    void aTemporaryFailureIsRetriedWithBackoffUntilTheSendSucceeds() {
        sender.failFirst("to-1", 2);
        queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 3);
        assertThat(queued.outcomes(STREAM, campaign).get(campaign + ":u1:webhook")).contains("\"attempts\":3");
        assertThat(sender.calls("to-1")).isEqualTo(3);
    }

    @Test
    void aNotificationOfACancelledCampaignIsCountedCancelledAndNotSent() {
        queued.redis().sadd(StreamKeys.CANCELLED_CAMPAIGNS, campaign);
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
}
