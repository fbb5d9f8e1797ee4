package io.herald.notification.bulk;

import static io.herald.notification.bulk.AudienceBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.Channels;
import io.herald.notification.NotificationKeys;
import io.herald.notification.queue.QueuedMessages;
import io.herald.notification.support.HeraldRedis;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Measures (prints, does not assert) how fast batches are rendered and queued over a real
 * redis-server; asserts only that every notification arrived, so the figures are of correct work.
 */
@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "herald.api-key=test-key")
@DirtiesContext
class RenderingThroughputIntegrationTests {

    private static final List<String> ALL = List.of("email", "sms", "push");
    private static final int RECIPIENTS = 1000;

    @Autowired
    EventStore events;
    @Autowired
    EventCodec codec;
    @Autowired
    Channels channels;
    @Autowired
    RedisConnections connections;

    @Test
    void renderingAndQueueingA1000RecipientBatchOnThreeChannels(TestRedis testRedis) {
        BatchRenderer renderer = new BatchRenderer(channels, new QueuedMessages(codec));
        BatchQueue queue = new BatchQueue(connections.commands());
        int warmUp = 10;
        int measured = 20;
        long renderNanos = 0;
        long renderCpuNanos = 0;
        long queueNanos = 0;
        double redisCpuBefore = 0;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < warmUp + measured; i++) {
            EventEnvelope event = batch("direct", i, false, List.of(), AudienceBatches.reachableRange(i * RECIPIENTS,
                    RECIPIENTS, ALL));
            if (i == warmUp) {
                redisCpuBefore = redisCpuSeconds();
            }
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            AudienceResolved decoded = codec.decode(event, AudienceResolved.class).validated();
            BatchRenderer.Plan plan = renderer.render(decoded);
            long rendered = System.nanoTime();
            long cpuRendered = threads.getCurrentThreadCpuTime();
            queue.queue("direct", i, plan.entriesByStream()).collectList().block(Duration.ofSeconds(30));
            long queued = System.nanoTime();
            if (i >= warmUp) {
                renderNanos += rendered - start;
                queueNanos += queued - rendered;
                renderCpuNanos += cpuRendered - cpuStart;
            }
        }
        double redisCpuMs = (redisCpuSeconds() - redisCpuBefore) * 1000 / measured;
        double renderMs = renderNanos / 1e6 / measured;
        double queueMs = queueNanos / 1e6 / measured;
        System.out.printf("[measure] 1000 recipients x 3 channels: decode+render %.1f ms, queue (3 Lua calls) %.1f ms,"
                + " %.0f notifications/s on one thread (wall clock, machine load %.1f)%n", renderMs, queueMs,
                3 * RECIPIENTS / ((renderMs + queueMs) / 1000), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        double cpuMs = renderCpuNanos / 1e6 / measured;
        System.out.printf("[measure] CPU per batch of 3000 notifications: decode+render %.1f ms (%.1f us each),"
                + " redis-server %.1f ms (%.1f us each): one core renders %.0f/s, redis queues %.0f/s%n", cpuMs,
                cpuMs * 1000 / (3 * RECIPIENTS), redisCpuMs, redisCpuMs * 1000 / (3 * RECIPIENTS),
                3 * RECIPIENTS / (cpuMs / 1000), 3 * RECIPIENTS / (redisCpuMs / 1000));

        try (HeraldRedis redis = new HeraldRedis(testRedis.url())) {
            for (String channel : ALL) {
                assertThat(redis.sync().hget(StreamKeys.progress("notify:" + channel, "direct"), "targeted"))
                        .isEqualTo(Integer.toString((warmUp + measured) * RECIPIENTS));
            }
        }
    }

    /** CPU seconds redis-server has used (user + system), from INFO cpu. */
    private double redisCpuSeconds() {
        String info = connections.commands().info("cpu").block(Duration.ofSeconds(10));
        double total = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }

    @Test
    void audienceBatchesThroughTheConsumerGroup(TestRedis testRedis) {
        int batches = 30;
        List<EventEnvelope> audience = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            audience.add(batch("through-consumer", i, i == batches - 1, List.of(),
                    AudienceBatches.reachableRange(i * RECIPIENTS, RECIPIENTS, ALL)));
        }
        try (HeraldRedis redis = new HeraldRedis(testRedis.url())) {
            long start = System.nanoTime();
            events.appendAll(StreamKeys.AUDIENCES, audience).block(Duration.ofSeconds(30));
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() ->
                    Integer.toString(batches).equals(redis.sync().hget(StreamKeys.rendered("through-consumer"), "batches")));
            double seconds = (System.nanoTime() - start) / 1e9;
            int notifications = batches * RECIPIENTS * ALL.size();
            System.out.printf("[measure] %d audience batches -> %d notifications queued through the consumer in %.2f s:"
                    + " %.0f notifications/s%n", batches, notifications, seconds, notifications / seconds);

            for (String channel : ALL) {
                String stream = "notify:" + channel;
                assertThat(redis.sync().hget(StreamKeys.progress(stream, "through-consumer"), "targeted"))
                        .isEqualTo(Integer.toString(batches * RECIPIENTS));
                assertThat(redis.sync().scard(NotificationKeys.renderedBatches(stream, "through-consumer"))).isEqualTo(batches);
            }
        }
    }
}
