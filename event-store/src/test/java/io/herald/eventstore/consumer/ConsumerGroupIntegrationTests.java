package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.StreamEntryId;
import io.lettuce.core.Range;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ConsumerGroupIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email";
    private static final int ENTRIES = 2_000;

    @Test
    void twoConsumersOfOneGroupSplitTheStreamWithoutOverlapOrGaps() {
        Map<String, Set<String>> handlersByEvent = new ConcurrentHashMap<>();
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-a"), recordingAs("worker-a", handlersByEvent));
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-b"), recordingAs("worker-b", handlersByEvent));

        long startedAt = System.nanoTime();
        List<String> appended = harness.append(STREAM, 0, ENTRIES).stream().map(e -> e.id()).toList();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> harness.deliveredCount(STREAM) == ENTRIES && harness.pending(STREAM, GROUP) == 0);
        assertThat(handlersByEvent.keySet()).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(handlersByEvent.values()).allSatisfy(handlers -> assertThat(handlers).hasSize(1));
        Map<String, Long> perConsumer = handlersByEvent.values().stream()
                .collect(Collectors.groupingBy(handlers -> handlers.iterator().next(), Collectors.counting()));
        assertThat(perConsumer).containsOnlyKeys("worker-a", "worker-b");
        assertThat(harness.deliveredRecords(STREAM)).hasSize(ENTRIES);
        assertThat(harness.registry.get("herald.consumer.acked").tag("stream", STREAM).counter().count())
                .isEqualTo(ENTRIES);
        assertThat(harness.registry.get("herald.consumer.read").tag("group", GROUP).counter().count())
                .isEqualTo(ENTRIES);
        System.out.printf("%d entries appended and handled by two consumers in %d ms, split %s%n", ENTRIES,
                (System.nanoTime() - startedAt) / 1_000_000, perConsumer);
    }

    @Test
    void theTimeAnEntryWaitedInTheStreamIsMeasuredFromItsIdToItsRead() {
        String stream = "notify:sms:priority";
        harness.append(stream, 0, 5);
        long appendedAt = StreamEntryId.parse(harness.redis().xrange(stream, Range.create("-", "+")).get(0).getId()).millis();
        // no consumer reads them until Redis's clock is 300 ms past the first entry's id
        await().atMost(Duration.ofSeconds(10)).until(() -> redisMillis() - appendedAt >= 300);
        harness.start(ConsumerHarness.fast(stream, GROUP, "worker-a"), entry -> Mono.just(delivered(entry)));

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.deliveredCount(stream) == 5);
        var waited = harness.registry.get("herald.consumer.wait").tag("stream", stream).timer();
        assertThat(waited.count()).isBetween(1L, 5L); // one per batch read as new, of its oldest entry
        assertThat(waited.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
        assertThat(harness.registry.get("herald.consumer.batch").tag("stream", stream).timer().count())
                .isEqualTo(waited.count());
    }

    /** Redis's clock ({@code TIME}), the one entry ids are made from. */
    private long redisMillis() {
        List<String> time = harness.redis().time();
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }

    private static EntryHandler recordingAs(String consumer, Map<String, Set<String>> handlersByEvent) {
        return entry -> Mono.fromCallable(() -> {
            handlersByEvent.computeIfAbsent(entry.envelope().id(), id -> ConcurrentHashMap.newKeySet()).add(consumer);
            return delivered(entry);
        });
    }
}
