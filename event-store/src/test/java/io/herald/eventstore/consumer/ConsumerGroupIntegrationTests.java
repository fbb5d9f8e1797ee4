package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

@RealRedis
class ConsumerGroupIntegrationTests {

    private static final String STREAM = "notify:email";
    private static final String GROUP = "channel-workers";
    private static final int ENTRIES = 2_000;

    private ConsumerHarness harness;

    @BeforeEach
    void setUp(TestRedis redis) {
        redis.flushAll();
        harness = new ConsumerHarness(redis.url());
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void twoConsumersOfOneGroupSplitTheStreamWithoutOverlapOrGaps() {
        Map<String, Set<String>> handlersByEvent = new ConcurrentHashMap<>();
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-a"), recordingAs("worker-a", handlersByEvent));
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-b"), recordingAs("worker-b", handlersByEvent));

        List<String> appended = harness.append(STREAM, 0, ENTRIES).stream().map(e -> e.id()).toList();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> harness.deliveredCount(STREAM) == ENTRIES && harness.pending(STREAM, GROUP) == 0);
        assertThat(handlersByEvent.keySet()).containsExactlyInAnyOrderElementsOf(appended);
        assertThat(handlersByEvent.values()).allSatisfy(handlers -> assertThat(handlers).hasSize(1));
        Map<String, Long> perConsumer = handlersByEvent.values().stream()
                .collect(Collectors.groupingBy(handlers -> handlers.iterator().next(), Collectors.counting()));
        assertThat(perConsumer).containsOnlyKeys("worker-a", "worker-b");
        assertThat(harness.deliveredRecords(STREAM)).hasSize(ENTRIES);
        System.out.println("split of " + ENTRIES + " entries between two consumers: " + perConsumer);
    }

    private static EntryHandler recordingAs(String consumer, Map<String, Set<String>> handlersByEvent) {
        return entry -> Mono.fromCallable(() -> {
            handlersByEvent.computeIfAbsent(entry.envelope().id(), id -> ConcurrentHashMap.newKeySet()).add(consumer);
            return delivered(entry);
        });
    }
}
