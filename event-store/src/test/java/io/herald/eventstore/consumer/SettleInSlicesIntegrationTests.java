package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.StreamKeys;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * With a settle slice, the finished entries of a batch are recorded and acknowledged while the rest
 * of the batch is still being handled; a crash then repeats only what was not settled, and an entry
 * settled twice is still recorded and counted once.
 */
class SettleInSlicesIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email";
    private static final int EVENTS = 40;
    private static final int SLICE = 10;

    private static ConsumerSettings settings(String consumer) {
        // a handler timeout far beyond the test: only the slices can settle the first entries
        return ConsumerHarness.fast(STREAM, GROUP, consumer).withBatchSize(EVENTS)
                .withHandlerTimeout(Duration.ofMinutes(5))
                .withSettling(SLICE, Duration.ofMinutes(5))
                .withRetries(3, Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void aFullSliceIsSettledWhileTheRestOfTheBatchIsStillRunning() {
        harness.append(STREAM, 0, EVENTS); // one read takes all of them
        harness.startBatches(settings("slices"), entries -> Flux.fromIterable(entries.subList(0, SLICE))
                .map(entry -> Handled.done(entry, delivered(entry)))
                .concatWith(Flux.never()));

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == SLICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.pending(STREAM, GROUP) == EVENTS - SLICE);
        assertThat(harness.deliveredRecords(STREAM)).hasSize(SLICE);
    }

    @Test
    void finishedEntriesShortOfASliceAreSettledAfterTheSettleInterval() {
        harness.append(STREAM, 0, EVENTS);
        harness.startBatches(settings("interval").withSettling(EVENTS, Duration.ofMillis(200)),
                entries -> Flux.fromIterable(entries.subList(0, 3))
                        .map(entry -> Handled.done(entry, delivered(entry)))
                        .concatWith(Flux.never()));

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == 3
                && harness.pending(STREAM, GROUP) == EVENTS - 3);
    }

    @Test
    void afterACrashOnlyTheUnsettledEntriesComeBackAndNothingIsCountedTwice() {
        harness.append(STREAM, 0, EVENTS);
        Sinks.Many<Handled> firstRun = Sinks.many().unicast().onBackpressureBuffer();
        StreamConsumer crashing = harness.startBatches(settings("worker-1"), entries -> {
            // two slices finish; the rest are in flight when the process dies
            entries.subList(0, 2 * SLICE).forEach(entry -> firstRun.tryEmitNext(Handled.done(entry, delivered(entry))));
            return firstRun.asFlux();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == 2 * SLICE
                && harness.pending(STREAM, GROUP) == EVENTS - 2 * SLICE);
        crashing.close(); // as a kill: what is in hand stays pending

        List<String> handledAgain = new CopyOnWriteArrayList<>();
        Set<Boolean> redelivered = ConcurrentHashMap.newKeySet();
        harness.startBatches(settings("worker-1"), entries -> {
            entries.forEach(entry -> {
                handledAgain.add(entry.envelope().id());
                redelivered.add(entry.redelivered());
            });
            return Flux.fromIterable(entries).map(entry -> Handled.done(entry, delivered(entry)));
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.pending(STREAM, GROUP) == 0
                && harness.deliveredCount(STREAM) == EVENTS);
        assertThat(handledAgain).hasSize(EVENTS - 2 * SLICE)
                .noneMatch(id -> Integer.parseInt(id.substring("event-".length())) < 2 * SLICE);
        assertThat(redelivered).containsExactly(true);
        assertThat(harness.deliveredRecords(STREAM)).hasSize(EVENTS);
    }

    @Test
    void aFailureInASliceIsRetriedThenDeadLetteredWhileTheRestIsSettled() {
        harness.append(STREAM, 0, EVENTS);
        harness.startBatches(settings("failing").withSettling(SLICE, Duration.ofMillis(50)),
                entries -> Flux.fromIterable(entries).map(entry -> {
                    int n = Integer.parseInt(entry.envelope().id().substring("event-".length()));
                    if (n == 7) {
                        return Handled.failed(entry, new IllegalStateException("provider unreachable"));
                    }
                    return Handled.done(entry, delivered(entry));
                }));

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == EVENTS - 1
                && harness.pending(STREAM, GROUP) == 0);
        assertThat(harness.redis().xlen(StreamKeys.deadLetters(STREAM))).isEqualTo(1);
        assertThat(harness.deliveredRecords(STREAM)).hasSize(EVENTS - 1).doesNotContainKey("event-7");
    }
}
