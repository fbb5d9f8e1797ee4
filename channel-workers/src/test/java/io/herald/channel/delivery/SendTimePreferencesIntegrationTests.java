package io.herald.channel.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.channel.QueueingTest;
import io.herald.channel.QueuedNotifications;
import io.herald.channel.WebhookChannel;
import io.herald.channel.WebhookSender;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Preferences honoured at send time: a recipient who unsubscribes, drops the channel or is deleted
 * while a campaign is being delivered is {@code SKIPPED} for what was not yet sent, and the
 * campaign's counters still add up.
 */
@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=webhook", "herald.workers.block=200ms"})
@AutoConfigureWebTestClient
@Import(WebhookChannel.class)
@DirtiesContext
class SendTimePreferencesIntegrationTests extends QueueingTest {

    private static final String STREAM = StreamKeys.notify(WebhookSender.CHANNEL);
    private static final int FIRST_PART = 1000;
    private static final int CAMPAIGN = 2000;

    @Autowired
    WebhookSender sender;

    @Autowired
    WebTestClient web;

    private List<Notification> part(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> QueuedNotifications.notification(campaign, WebhookSender.CHANNEL,
                i, QueuedNotifications.to(campaign, i))).toList();
    }

    @Test
    void recipientsWhoOptOutDuringACampaignAreSkippedForWhatIsNotYetSentAndTheCountersAddUp() {
        long skippedBefore = channelSkipped();
        List<Notification> first = part(0, FIRST_PART);
        List<Notification> rest = part(FIRST_PART, CAMPAIGN);
        for (int from = 0; from < first.size(); from += 500) {
            queued.queue(STREAM, first.subList(from, from + 500));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == FIRST_PART);
        // the rest of the campaign is not sent yet when 100 of its recipients unsubscribe from the
        // category, one drops the channel and one is deleted
        queued.register(rest);
        List<Notification> unsubscribed = rest.subList(0, 100);
        unsubscribed.forEach(n -> queued.redis().hset(StreamKeys.user(n.userId()), "categories", "Movies"));
        queued.redis().hset(StreamKeys.user(rest.get(100).userId()), "channels", "sms");
        queued.redis().del(StreamKeys.user(rest.get(101).userId()));

        queued.appendOnly(STREAM, rest);

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.outcomes(STREAM, campaign).size() == CAMPAIGN);
        assertThat(queued.counter(STREAM, campaign, "skipped")).isEqualTo(102);
        assertThat(queued.counter(STREAM, campaign, "delivered")).isEqualTo(CAMPAIGN - 102);
        assertThat(queued.counter(STREAM, campaign, "delivered") + queued.counter(STREAM, campaign, "skipped"))
                .isEqualTo(CAMPAIGN);
        Map<String, String> outcomes = queued.outcomes(STREAM, campaign);
        assertThat(outcomes.get(unsubscribed.get(0).notificationId()))
                .contains("\"status\":\"SKIPPED\"", "unsubscribed from " + QueuedNotifications.CATEGORY);
        assertThat(outcomes.get(rest.get(100).notificationId())).contains("\"status\":\"SKIPPED\"", "no longer wants");
        assertThat(outcomes.get(rest.get(101).notificationId())).contains("\"status\":\"SKIPPED\"", "no longer exists");
        assertThat(outcomes.get(rest.get(102).notificationId())).contains("\"status\":\"DELIVERED\"");
        unsubscribed.forEach(n -> assertThat(sender.calls(n.to())).isZero());
        assertThat(channelSkipped() - skippedBefore).isEqualTo(102);
    }

    @Test
    void aTransactionalNotificationReachesARecipientWhoUnsubscribedFromEveryCategory() {
        String transactional = "tx-" + campaign;
        Notification notification = new Notification(transactional + ":u7:webhook", transactional, "u7",
                WebhookSender.CHANNEL, "tx-to-" + campaign, "Your password", "Reset it", null, 1, null);
        queued.register(List.of(notification));
        queued.redis().hset(StreamKeys.user("u7"), Map.of("categories", "", "channels", "sms"));
        queued.appendOnly(StreamKeys.priority(WebhookSender.CHANNEL), List.of(notification));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                queued.outcomes(StreamKeys.priority(WebhookSender.CHANNEL), transactional).size() == 1);
        assertThat(queued.outcomes(StreamKeys.priority(WebhookSender.CHANNEL), transactional).values())
                .allMatch(o -> o.contains("\"status\":\"DELIVERED\""));
    }

    private long channelSkipped() {
        Number skipped = (Number) web.get().uri("/api/v1/channels").header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody().stream()
                .map(c -> ((Map<?, ?>) c).get("skipped")).findFirst().orElseThrow();
        return skipped.longValue();
    }
}
