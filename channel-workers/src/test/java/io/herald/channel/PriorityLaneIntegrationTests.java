package io.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.channel.delivery.Notification;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/** A rate-limited channel with two bulk partitions and a 20,000-notification backlog. */
@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=webhook", "herald.channel-partitions=2",
        "herald.workers.block=200ms", "herald.workers.rate-limits.webhook=2000"})
@Import(WebhookChannel.class)
@DirtiesContext
class PriorityLaneIntegrationTests extends QueueingTest {

    private static final int RATE = 2000;
    private static final int BACKLOG = 20_000;


    @Test
    void aTransactionalNotificationIsDeliveredLongBeforeALargeRateLimitedBacklogDrains() {
        long start = System.nanoTime();
        queueBacklogOverPartitions();
        String tx = "tx-" + UUID.randomUUID();
        Notification urgent = QueuedNotifications.notification(tx, WebhookSender.CHANNEL, 0, "urgent@example.org");
        queued.queue(StreamKeys.priority(WebhookSender.CHANNEL), List.of(urgent));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> queued.counter(StreamKeys.priority(WebhookSender.CHANNEL), tx, "delivered") == 1);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long settled = bulkDelivered();

        // ahead of the backlog, on any machine: the latency itself is a bench figure
        assertThat(BACKLOG - settled).as("bulk entries still waiting").isPositive();
        assertThat(settled).as("the rate limit holds").isLessThanOrEqualTo((long) (RATE * elapsed) + RATE / 10 + 50);
        await().atMost(Duration.ofSeconds(60)).until(() -> bulkDelivered() == BACKLOG);
    }

    private void queueBacklogOverPartitions() {
        List<List<Notification>> partitions = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < BACKLOG; i++) {
            Notification n = QueuedNotifications.notification(campaign, WebhookSender.CHANNEL, i,
                    QueuedNotifications.to(campaign, i));
            partitions.get(StreamKeys.partitionOf(n.userId(), 2)).add(n);
        }
        for (int p = 0; p < 2; p++) {
            List<Notification> part = partitions.get(p);
            for (int from = 0; from < part.size(); from += 1000) {
                queued.queue(StreamKeys.notify(WebhookSender.CHANNEL, p, 2), part.subList(from, Math.min(part.size(), from + 1000)));
            }
        }
    }

    private long bulkDelivered() {
        return queued.counter(StreamKeys.notify(WebhookSender.CHANNEL, 0, 2), campaign, "delivered")
                + queued.counter(StreamKeys.notify(WebhookSender.CHANNEL, 1, 2), campaign, "delivered");
    }
}
