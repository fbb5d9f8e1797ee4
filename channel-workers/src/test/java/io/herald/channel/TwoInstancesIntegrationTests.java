package io.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.channel.delivery.Notification;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.StreamConsumer;
import io.herald.kit.StreamConsumers;
import io.herald.testsupport.RealRedis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Two channel-workers instances (two application contexts, "a" and "b") on one Redis and one
 * stream. The second test kills instance a's consumers as a crash would, so it runs last.
 */
@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.instance-id=a", "herald.channels=webhook", "herald.workers.block=200ms",
        "herald.workers.batch-size=50", "herald.workers.concurrency=16", "herald.workers.claim-idle=10s",
        "herald.workers.claim-interval=1s"})
@Import(WebhookChannel.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTests extends QueueingTest {

    private static final String STREAM = StreamKeys.notify(WebhookSender.CHANNEL);
    private static ConfigurableApplicationContext instanceB;

    @Autowired
    WebhookSender senderA;

    @Autowired
    StreamConsumers workersA;

    @Autowired
    ApplicationContext instanceA;

    WebhookSender senderB;

    @BeforeAll
    static void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(io.herald.channel.ChannelWorkersApplication.class, WebhookChannel.class)
                // as arguments: default properties would lose against service-kit's defaults
                .run("--server.port=0", "--herald.api-key=test-key", "--herald.instance-id=b",
                        "--herald.channels=webhook", "--herald.workers.block=200ms", "--herald.workers.batch-size=50",
                        "--herald.workers.concurrency=16", "--herald.workers.claim-idle=10s",
                        "--herald.workers.claim-interval=1s");
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @BeforeEach
    void connectSecondInstance() {
        senderB = instanceB.getBean(WebhookSender.class);
    }

    @Test
    @Order(1)
    void twoInstancesSplitTheStreamAndEachNotificationIsSentAndRecordedOnce() {
        senderA.delay(Duration.ofMillis(2));
        senderB.delay(Duration.ofMillis(2));
        List<Notification> notifications = queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 3000);

        await().atMost(Duration.ofSeconds(60)).until(() -> queued.counter(STREAM, campaign, "delivered") == 3000);
        assertThat(queued.outcomes(STREAM, campaign)).hasSize(3000);
        int byA = sends(senderA, notifications);
        int byB = sends(senderB, notifications);
        System.out.printf("SPLIT: instance a sent %d, instance b sent %d%n", byA, byB);
        assertThat(byA).isPositive();
        assertThat(byB).isPositive();
        // a second send happens only for an entry claimed from a consumer that held it past claim-idle
        double claimed = claimed(instanceB) + claimed(instanceA);
        assertThat(byA + byB).isLessThanOrEqualTo(3000 + (int) claimed);
        notifications.forEach(n -> assertThat(count(senderA, n) + count(senderB, n)).as(n.notificationId())
                .isBetween(1, 1 + (int) claimed));
    }

    @Test
    @Order(2)
    void whenOneInstanceDiesMidCampaignTheOtherClaimsItsPendingEntriesAndEveryNotificationIsRecordedOnce() {
        senderA.delay(Duration.ofMillis(10));
        senderB.delay(Duration.ofMillis(10));
        // a few of A's sends hang: A settles its batches in slices, so only such a send surely keeps
        // entries pending at A when it dies
        IntStream.range(0, 4000).filter(i -> i % 200 == 199)
                .forEach(i -> senderA.hold(QueuedNotifications.to(campaign, i)));
        List<Notification> notifications = queued.queue(STREAM, campaign, WebhookSender.CHANNEL, 4000);
        await().atMost(Duration.ofSeconds(30)).until(() -> sends(senderA, notifications) >= 100
                && pendingAt(queued, "a-") > 0);

        workersA.consumers().forEach(StreamConsumer::close);
        long pendingAtA = pendingAt(queued, "a-");
        System.out.printf("CRASH: instance a stopped with %d entries pending, %d sent%n", pendingAtA,
                sends(senderA, notifications));
        assertThat(pendingAtA).isPositive();

        await().atMost(Duration.ofSeconds(60)).until(() -> queued.counter(STREAM, campaign, "delivered") == 4000);
        assertThat(queued.outcomes(STREAM, campaign)).hasSize(4000);
        assertThat(queued.redis().xpending(STREAM, "channel-workers").getCount()).isZero();
        notifications.forEach(n -> assertThat(count(senderA, n) + count(senderB, n)).isGreaterThanOrEqualTo(1));
    }

    private static double claimed(ApplicationContext context) {
        return context.getBean(MeterRegistry.class).find("herald.consumer.claimed").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static long pendingAt(QueuedNotifications queued, String instancePrefix) {
        return queued.redis().xpending(STREAM, "channel-workers").getConsumerMessageCount().entrySet().stream()
                .filter(e -> e.getKey().startsWith(instancePrefix)).mapToLong(Map.Entry::getValue).sum();
    }

    private static int sends(WebhookSender sender, List<Notification> notifications) {
        return notifications.stream().mapToInt(n -> count(sender, n)).sum();
    }

    private static int count(WebhookSender sender, Notification notification) {
        AtomicInteger count = sender.sends().get(notification.notificationId());
        return count == null ? 0 : count.get();
    }
}
