package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ConsumerShutdownIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email";
    private static final int ENTRIES = 5;

    @Test
    void aGracefulStopLetsTheBatchInHandFinishAndAcknowledgesIt() {
        harness.append(STREAM, 0, ENTRIES);
        AtomicInteger started = new AtomicInteger();
        StreamConsumer consumer = harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1"), entry -> {
            started.incrementAndGet();
            return Mono.delay(Duration.ofMillis(500)).thenReturn(delivered(entry));
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> started.get() == ENTRIES);

        consumer.stop(Duration.ofSeconds(10));

        assertThat(harness.deliveredCount(STREAM)).isEqualTo(ENTRIES);
        assertThat(harness.pending(STREAM, GROUP)).isZero();
    }

    @Test
    void aStoppedConsumerReadsNothingMore() {
        AtomicInteger handled = new AtomicInteger();
        StreamConsumer consumer = harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1"),
                entry -> Mono.fromCallable(() -> {
                    handled.incrementAndGet();
                    return delivered(entry);
                }));
        harness.append(STREAM, 0, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == 1);

        consumer.stop(Duration.ofSeconds(5));
        harness.append(STREAM, 1, 1);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(handled).hasValue(1);
            assertThat(harness.deliveredCount(STREAM)).isEqualTo(1);
        });
        assertThat(harness.redis().xinfoGroups(STREAM)).isNotEmpty();
    }
}
