package io.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.channel.delivery.Notification;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A batch is settled in slices as its sends finish: while some sends of a batch hang, the finished
 * ones are already recorded, counted and acknowledged, so a worker killed then would send again
 * only the hanging ones; once they finish, everything is settled once.
 */
@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=webhook", "herald.workers.block=200ms",
        "herald.workers.consumers-per-stream=1", "herald.workers.batch-size=100",
        "herald.workers.settle-slice=10", "herald.workers.settle-interval=200ms",
        // far beyond the test: the held sends must not be ended by the handler's timer
        "herald.workers.handler-timeout=10m"})
@Import(WebhookChannel.class)
@DirtiesContext
class SettledInSlicesIntegrationTests {

    private static final int NOTIFICATIONS = 60;

    @Autowired
    WebhookSender webhook;

    @Test
    void finishedSendsOfABatchAreSettledWhileOthersOfTheSameBatchAreStillInFlight(TestRedis redis) {
        String campaign = "c-" + UUID.randomUUID();
        String stream = StreamKeys.notify(WebhookSender.CHANNEL);
        // every sixth recipient's send hangs: any batch of six or more holds one
        List<Integer> heldIndexes = IntStream.range(0, NOTIFICATIONS).filter(i -> i % 6 == 5)
                .boxed().toList();
        heldIndexes.forEach(i -> webhook.hold(QueuedNotifications.to(campaign, i)));
        try (QueuedNotifications queued = new QueuedNotifications(redis.url())) {
            List<Notification> notifications = queued.queue(stream, campaign, WebhookSender.CHANNEL, NOTIFICATIONS);
            int finishing = NOTIFICATIONS - heldIndexes.size();

            await().atMost(Duration.ofSeconds(60)).until(() -> queued.counter(stream, campaign, "delivered") == finishing
                    && pending(queued, stream) == heldIndexes.size());
            assertThat(queued.outcomes(stream, campaign)).hasSize(finishing);
            assertThat(webhook.sendCount()).isEqualTo(finishing);

            webhook.release();

            await().atMost(Duration.ofSeconds(60)).until(() -> queued.counter(stream, campaign, "delivered") == NOTIFICATIONS
                    && pending(queued, stream) == 0);
            assertThat(queued.outcomes(stream, campaign)).hasSize(NOTIFICATIONS);
            assertThat(notifications).allSatisfy(n -> assertThat(webhook.sends().get(n.notificationId()))
                    .as(n.notificationId()).hasValue(1));
        }
    }

    private static long pending(QueuedNotifications queued, String stream) {
        return queued.redis().xpending(stream, "channel-workers").getCount();
    }
}
