package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class StaleEntryClaimIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:sms";
    private static final int DISTINCT = 250;
    private static final int REPUBLISHED = 50;
    private static final int BATCH = 50;

    @Test
    void entriesLeftPendingByADeadConsumerAreClaimedAndCountedOnceByAnother() {
        List<EventEnvelope> events = harness.append(STREAM, 0, DISTINCT);
        // the same events published a second time (same ids): they must not be counted again
        harness.store.appendAll(STREAM, events.subList(0, REPUBLISHED)).block(Duration.ofSeconds(10));
        Set<String> stuckInDeadConsumer = ConcurrentHashMap.newKeySet();
        StreamConsumer dying = harness.start(ConsumerHarness.fast(STREAM, GROUP, "dying").withBatchSize(BATCH).withConcurrency(BATCH),
                entry -> {
                    stuckInDeadConsumer.add(entry.envelope().id());
                    return Mono.never();
                });
        await().atMost(Duration.ofSeconds(20)).until(() -> stuckInDeadConsumer.size() == BATCH);
        dying.close();
        assertThat(harness.pending(STREAM, GROUP)).isEqualTo(BATCH);

        Set<String> handledBySurvivor = ConcurrentHashMap.newKeySet();
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "survivor")
                        .withClaim(Duration.ofMillis(500), Duration.ofMillis(250)),
                entry -> Mono.fromCallable(() -> {
                    handledBySurvivor.add(entry.envelope().id());
                    return delivered(entry);
                }));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> harness.pending(STREAM, GROUP) == 0 && harness.deliveredCount(STREAM) == DISTINCT);
        assertThat(handledBySurvivor).containsAll(stuckInDeadConsumer).hasSize(DISTINCT);
        assertThat(harness.deliveredRecords(STREAM)).hasSize(DISTINCT);
        assertThat(harness.deliveredCount(STREAM)).isEqualTo(DISTINCT);
        assertThat(harness.redis().xlen(STREAM)).isEqualTo(DISTINCT + REPUBLISHED);
    }
}
