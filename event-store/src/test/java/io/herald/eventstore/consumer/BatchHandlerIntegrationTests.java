package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.StreamKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * A {@link BatchHandler} gets whole batches; one timer per batch ends what did not finish, and an
 * entry's second delivery says it is a redelivery.
 */
class BatchHandlerIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:sms";
    private static final int EVENTS = 40;

    private record Seen(String eventId, int attempt, boolean redelivered) {
    }

    private static ConsumerSettings settings() {
        return ConsumerHarness.fast(STREAM, GROUP, "batches").withBatchSize(EVENTS)
                .withHandlerTimeout(Duration.ofMillis(500))
                .withRetries(3, Duration.ofMillis(100), Duration.ofMillis(200));
    }

    private static boolean odd(StreamEntry entry) {
        return Integer.parseInt(entry.envelope().id().substring("event-".length())) % 2 == 1;
    }

    @Test
    void entriesWithoutAResultWhenTheBatchTimesOutAreRetriedAsRedeliveriesAndSettledOnce() {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        harness.append(STREAM, 0, EVENTS); // before the consumer starts: its first read takes all of them, however slow the machine
        harness.startBatches(settings(), entries -> {
            batchSizes.add(entries.size());
            entries.forEach(e -> seen.add(new Seen(e.envelope().id(), e.attempt(), e.redelivered())));
            // first attempt: the even entries finish, the odd ones hang until the batch timer ends them
            return Flux.fromIterable(entries)
                    .filter(entry -> entry.attempt() > 1 || !odd(entry))
                    .map(entry -> Handled.done(entry, delivered(entry)))
                    .concatWith(Flux.never());
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == EVENTS
                && harness.pending(STREAM, GROUP) == 0);
        assertThat(batchSizes.get(0)).isEqualTo(EVENTS);
        assertThat(harness.deliveredRecords(STREAM)).hasSize(EVENTS);
        Map<String, List<Seen>> byEvent = new ConcurrentHashMap<>();
        seen.forEach(s -> byEvent.computeIfAbsent(s.eventId(), k -> new CopyOnWriteArrayList<>()).add(s));
        byEvent.forEach((id, attempts) -> {
            int n = Integer.parseInt(id.substring("event-".length()));
            if (n % 2 == 0) {
                assertThat(attempts).as(id).containsExactly(new Seen(id, 1, false));
            } else {
                assertThat(attempts).as(id).containsExactly(new Seen(id, 1, false), new Seen(id, 2, true));
            }
        });
    }

    @Test
    void aBatchWhoseHandlerFailsKeepsWhatFinishedAndRetriesTheRest() {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        harness.startBatches(settings(), entries -> {
            entries.forEach(e -> seen.add(new Seen(e.envelope().id(), e.attempt(), e.redelivered())));
            Flux<Handled> finished = Flux.fromIterable(entries)
                    .filter(entry -> entry.attempt() > 1 || !odd(entry))
                    .map(entry -> Handled.done(entry, delivered(entry)));
            return entries.get(0).attempt() > 1 ? finished
                    : finished.concatWith(Flux.error(new IllegalStateException("provider went away mid-batch")));
        });

        harness.append(STREAM, 0, EVENTS);

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == EVENTS
                && harness.pending(STREAM, GROUP) == 0);
        assertThat(harness.deliveredRecords(STREAM)).hasSize(EVENTS);
        assertThat(seen).filteredOn(Seen::redelivered).extracting(Seen::eventId)
                .hasSize(EVENTS / 2)
                .allMatch(id -> Integer.parseInt(id.substring("event-".length())) % 2 == 1);
        assertThat(harness.redis().xlen(StreamKeys.deadLetters(STREAM))).isZero();
    }
}
