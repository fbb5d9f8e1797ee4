package io.herald.notification.bulk;

import static io.herald.notification.bulk.AudienceBatches.batch;
import static io.herald.notification.bulk.AudienceBatches.reachable;
import static io.herald.notification.bulk.AudienceBatches.recipient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.StreamKeys;
import io.herald.notification.NotificationKeys;
import io.herald.notification.support.HeraldRedis;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "herald.api-key=test-key")
@DirtiesContext
class AudienceBatchIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventStore events;

    HeraldRedis redis;
    String campaign;

    @BeforeEach
    void connect(TestRedis testRedis) {
        redis = new HeraldRedis(testRedis.url());
        campaign = "c-" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void aBatchPutsOneEntryPerRecipientAndChosenChannelOnEachChannelStream() {
        publish(batch(campaign, 0, true, List.of(), List.of(
                recipient("1", "Ada Lovelace", "ada@example.org", "+49151001", null, List.of("email", "sms")),
                recipient("2", "Bob", null, null, "token-2", List.of("push")),
                recipient("3", "Cy", "cy@example.org", null, null, List.of("email")),
                recipient("4", "Dee (no address)", null, null, null, List.of("email")))));

        awaitRendered(campaign, 1);

        List<HeraldRedis.Queued> mails = redis.queued("notify:email", campaign);
        assertThat(mails).extracting(q -> q.text("notificationId"))
                .containsExactly(campaign + ":1:email", campaign + ":3:email");
        HeraldRedis.Queued mail = mails.get(0);
        assertThat(mail.envelope().event()).isEqualTo(EventNames.MESSAGE_QUEUED);
        assertThat(mail.envelope().id()).isEqualTo(EventEnvelope.deterministicId("notification:" + campaign + ":1:email"));
        assertThat(mail.envelope().version()).isEqualTo("1");
        assertThat(mail.envelope().occurredAt()).isBefore(Instant.now().plusSeconds(1));
        assertThat(mail.text("campaignId")).isEqualTo(campaign);
        assertThat(mail.text("userId")).isEqualTo("1");
        assertThat(mail.text("channel")).isEqualTo("email");
        assertThat(mail.text("to")).isEqualTo("ada@example.org");
        assertThat(mail.text("subject")).isEqualTo("Hello Ada Lovelace");
        assertThat(mail.text("body")).isEqualTo("Dear Ada, news from Spring sale.");
        assertThat(mail.text("html")).contains("Dear Ada, news from Spring sale.");
        assertThat(mail.data().get("attempt").asInt()).isEqualTo(1);

        List<HeraldRedis.Queued> sms = redis.queued("notify:sms", campaign);
        assertThat(sms).singleElement().satisfies(s -> {
            assertThat(s.text("notificationId")).isEqualTo(campaign + ":1:sms");
            assertThat(s.text("to")).isEqualTo("+49151001");
            assertThat(s.text("body")).isEqualTo("Dear Ada, news from Spring sale.");
            assertThat(s.data().get("html").isNull()).isTrue();
        });
        assertThat(redis.queued("notify:push", campaign)).singleElement()
                .satisfies(p -> assertThat(p.text("to")).isEqualTo("token-2"));

        assertThat(targeted("notify:email")).isEqualTo("2");
        assertThat(targeted("notify:sms")).isEqualTo("1");
        assertThat(targeted("notify:push")).isEqualTo("1");
        assertThat(redis.sync().hmget(StreamKeys.rendered(campaign), "batches", "lastBatch"))
                .extracting(kv -> kv.getValueOrElse(null)).containsExactly("1", "0");
    }

    @Test
    void theCampaignsChannelsLimitWhatEachRecipientGets() {
        publish(batch(campaign, 0, true, List.of("sms"), List.of(
                reachable("1", List.of("email", "sms")),
                reachable("2", List.of("email")))));

        awaitRendered(campaign, 1);

        assertThat(redis.queued("notify:sms", campaign)).extracting(q -> q.text("userId")).containsExactly("1");
        assertThat(redis.queued("notify:email", campaign)).isEmpty();
        assertThat(redis.sync().exists(StreamKeys.progress("notify:email", campaign))).isZero();
        assertThat(targeted("notify:sms")).isEqualTo("1");
    }

    @Test
    void aChannelWithoutRecipientsInABatchStillCountsTheBatchAsRenderedThere() {
        publish(batch(campaign, 0, false, List.of("email", "push"), List.of(reachable("1", List.of("email")))));

        awaitRendered(campaign, 1);

        assertThat(targeted("notify:push")).isEqualTo("0");
        assertThat(redis.sync().smembers(NotificationKeys.renderedBatches("notify:push", campaign))).containsExactly("0");
        assertThat(redis.sync().smembers(NotificationKeys.renderedBatches("notify:email", campaign))).containsExactly("0");
        assertThat(redis.sync().hget(StreamKeys.rendered(campaign), "lastBatch")).isNull();
    }

    @Test
    void reprocessingTheSameBatchDoublesNeitherEntriesNorCounters() {
        EventEnvelope batch = batch(campaign, 0, true, List.of(), AudienceBatches.reachableRange(1, 50,
                List.of("email", "sms", "push")));
        publish(batch);
        awaitRendered(campaign, 1);
        long mails = redis.queued("notify:email", campaign).size();

        publish(batch);
        publish(batch);
        await().atMost(WAIT).until(() -> redis.allAcknowledged(StreamKeys.AUDIENCES, "notification-service"));

        assertThat(mails).isEqualTo(50);
        for (String stream : List.of("notify:email", "notify:sms", "notify:push")) {
            assertThat(redis.queued(stream, campaign)).as(stream).hasSize(50);
            assertThat(targeted(stream)).as(stream).isEqualTo("50");
        }
        assertThat(redis.sync().hget(StreamKeys.rendered(campaign), "batches")).isEqualTo("1");
    }

    @Test
    void aBatchQueuedOnSomeStreamsBeforeACrashIsCompletedOnTheOthersOnly() {
        // as if a previous attempt had queued the e-mail part and crashed before the SMS part
        redis.sync().sadd(NotificationKeys.renderedBatches("notify:email", campaign), "0");

        publish(batch(campaign, 0, true, List.of(), AudienceBatches.reachableRange(1, 3, List.of("email", "sms"))));
        awaitRendered(campaign, 1);

        assertThat(redis.queued("notify:email", campaign)).isEmpty();
        assertThat(redis.queued("notify:sms", campaign)).hasSize(3);
        assertThat(targeted("notify:sms")).isEqualTo("3");
    }

    @Test
    void aCampaignIsFullyRenderedWhenEveryBatchUpToTheLastIsCountedInWhateverOrderTheyCome() {
        publish(batch(campaign, 2, true, List.of(), AudienceBatches.reachableRange(2001, 5, List.of("email"))));
        publish(batch(campaign, 0, false, List.of(), AudienceBatches.reachableRange(1, 5, List.of("email"))));
        publish(batch(campaign, 1, false, List.of(), AudienceBatches.reachableRange(1001, 5, List.of("email"))));

        awaitRendered(campaign, 3);

        assertThat(redis.sync().hget(StreamKeys.rendered(campaign), "lastBatch")).isEqualTo("2");
        assertThat(targeted("notify:email")).isEqualTo("15");
        assertThat(redis.sync().smembers(NotificationKeys.renderedBatches("notify:email", campaign)))
                .containsExactlyInAnyOrder("0", "1", "2");
    }

    @Test
    void otherEventsOnTheAudiencesStreamAreAcknowledgedWithoutEffect() {
        publish(new EventCodec().envelope("user_audience_something_else", Map.of("campaignId", campaign)));

        await().atMost(WAIT).until(() -> redis.allAcknowledged(StreamKeys.AUDIENCES, "notification-service"));

        assertThat(redis.sync().exists(StreamKeys.rendered(campaign))).isZero();
        assertThat(redis.sync().xrange(StreamKeys.deadLetters(StreamKeys.AUDIENCES), io.lettuce.core.Range.unbounded()))
                .noneMatch(letter -> letter.getBody().get("data").contains(campaign));
    }

    @Test
    void aBatchWithoutCampaignIdGoesToTheDeadLettersAtOnce() {
        String marker = UUID.randomUUID().toString();
        publish(new EventCodec().envelope(EventNames.AUDIENCE_RESOLVED, Map.of("batch", 0, "lastBatch", true, "subject", marker)));

        await().atMost(WAIT).until(() -> redis.sync().xrange(StreamKeys.deadLetters(StreamKeys.AUDIENCES),
                        io.lettuce.core.Range.unbounded()).stream()
                .anyMatch(letter -> letter.getBody().get("data").contains(marker)));
    }

    private void publish(EventEnvelope event) {
        events.append(StreamKeys.AUDIENCES, event).block(WAIT);
    }

    private void awaitRendered(String campaignId, int batches) {
        await().atMost(WAIT).until(() -> Integer.toString(batches)
                .equals(redis.sync().hget(StreamKeys.rendered(campaignId), "batches")));
    }

    private String targeted(String stream) {
        return redis.sync().hget(StreamKeys.progress(stream, campaign), "targeted");
    }
}
