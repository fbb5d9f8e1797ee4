package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.StreamKeys;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RetryIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:push";
    private static final String DEAD_LETTERS = StreamKeys.deadLetters("push");
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(300);
    private static final int MAX_ATTEMPTS = 4;

    private record Attempt(int number, long atMillis) {
    }

    @Test
    void aFailingEntryIsRetriedWithGrowingBackoffThenDeadLetteredAndReplayedToAHealthyHandler() {
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean healthy = new AtomicBoolean(false);
        harness.start(settings("worker-1"), entry -> {
            if (healthy.get()) {
                return Mono.just(delivered(entry));
            }
            attempts.add(new Attempt(entry.attempt(), System.currentTimeMillis()));
            return Mono.error(new IllegalStateException("provider answered 503"));
        });

        harness.append(STREAM, 0, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.redis().xlen(DEAD_LETTERS) == 1);
        assertThat(attempts).extracting(Attempt::number).containsExactly(1, 2, 3, 4);
        long[] gaps = {0, 0, 0};
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = attempts.get(i + 1).atMillis() - attempts.get(i).atMillis();
            long floor = INITIAL_BACKOFF.toMillis() * (1L << i) / 2; // jitter keeps at least half the delay
            assertThat(gaps[i]).as("gap after attempt %d", i + 1).isGreaterThanOrEqualTo(floor - 5);
        }
        assertThat(gaps[2]).as("backoff grows").isGreaterThan(gaps[0]);
        System.out.printf("retry gaps (ms) with initial backoff %s: %d, %d, %d%n", INITIAL_BACKOFF, gaps[0], gaps[1],
                gaps[2]);

        Map<String, String> letter = harness.redis().xrange(DEAD_LETTERS, io.lettuce.core.Range.unbounded())
                .get(0).getBody();
        assertThat(letter).containsEntry(DeadLetters.ATTEMPTS, "4")
                .containsEntry(DeadLetters.SOURCE_STREAM, STREAM)
                .containsEntry("id", "event-0");
        assertThat(letter.get(DeadLetters.ERROR)).contains("IllegalStateException").contains("provider answered 503");
        assertThat(harness.pending(STREAM, GROUP)).isZero();
        assertThat(harness.redis().zcard(StreamKeys.retries(STREAM, GROUP))).isZero();
        assertThat(harness.redis().hlen(StreamKeys.attempts(STREAM, GROUP))).isZero();

        // a dead letter carries everything needed to put it back (channel-workers' replay does it
        // with its bookkeeping): its original fields, appended to its source stream as a new entry
        healthy.set(true);
        DeadLetters.DeadLetter dead = new DeadLetters(harness.connections.commands()).newest(DEAD_LETTERS, 1)
                .blockFirst(Duration.ofSeconds(10));
        harness.redis().xadd(dead.fields().get(DeadLetters.SOURCE_STREAM), dead.original());
        harness.redis().xdel(DEAD_LETTERS, dead.id());

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == 1);
        assertThat(harness.redis().xlen(DEAD_LETTERS)).isZero();
        assertThat(harness.deliveredRecords(STREAM)).containsOnlyKeys("event-0");
        assertThat(attempts).hasSize(MAX_ATTEMPTS);
    }

    @Test
    void aScheduledRetryIsCarriedOutByANewConsumerInstanceAfterTheFirstIsClosed() {
        ConsumerSettings settings = settings("worker-1")
                .withRetries(MAX_ATTEMPTS, Duration.ofSeconds(4), Duration.ofSeconds(10));
        List<Integer> firstInstanceAttempts = new CopyOnWriteArrayList<>();
        StreamConsumer first = harness.start(settings, entry -> {
            firstInstanceAttempts.add(entry.attempt());
            return Mono.error(new IllegalStateException("smtp timeout"));
        });
        harness.append(STREAM, 0, 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> harness.redis().zcard(StreamKeys.retries(STREAM, GROUP)) == 1);
        first.close();

        List<Integer> secondInstanceAttempts = new CopyOnWriteArrayList<>();
        harness.start(settings, entry -> {
            secondInstanceAttempts.add(entry.attempt());
            return Mono.just(delivered(entry));
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == 1);
        assertThat(firstInstanceAttempts).containsExactly(1);
        assertThat(secondInstanceAttempts).containsExactly(2);
        assertThat(harness.pending(STREAM, GROUP)).isZero();
        assertThat(harness.redis().zcard(StreamKeys.retries(STREAM, GROUP))).isZero();
        assertThat(harness.redis().xlen(DEAD_LETTERS)).isZero();
    }

    private static ConsumerSettings settings(String consumer) {
        return ConsumerHarness.fast(STREAM, GROUP, consumer)
                .withRetries(MAX_ATTEMPTS, INITIAL_BACKOFF, Duration.ofSeconds(5))
                .withDeadLetterStream(DEAD_LETTERS);
    }
}
