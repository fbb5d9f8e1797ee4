package io.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * One instance settles a pre-queued backlog exactly, looking up cancellation once per campaign per
 * {@code cancellation-ttl}, not per notification. How fast is a bench figure ({@code bench/run.sh}).
 */
@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=webhook", "herald.workers.block=200ms"})
@Import(WebhookChannel.class)
@DirtiesContext
class DeliveryBacklogIntegrationTests {

    private static final int BACKLOG = 20_000;

    private static long calls(String commandStats, String command) {
        return commandStats.lines().filter(line -> line.startsWith("cmdstat_" + command + ":calls="))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf("calls=") + 6, line.indexOf(','))))
                .sum();
    }

    @Test
    void oneInstanceSettlesABacklogExactlyWithOneCancellationLookupPerSecond(TestRedis redis) {
        String campaign = "c-" + UUID.randomUUID();
        String stream = StreamKeys.notify(WebhookSender.CHANNEL);
        try (QueuedNotifications queued = new QueuedNotifications(redis.url())) {
            long start = System.nanoTime();
            queued.queue(stream, campaign, WebhookSender.CHANNEL, BACKLOG);

            await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(200))
                    .until(() -> queued.counter(stream, campaign, "delivered") == BACKLOG);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(queued.outcomes(stream, campaign)).hasSize(BACKLOG);

            String stats = queued.redis().info("commandstats");
            // the cancellation check is cached: one SISMEMBER per campaign per cancellation-ttl (1 s), not per notification
            assertThat(calls(stats, "sismember")).isLessThanOrEqualTo((long) seconds + 2);
        }
    }
}
