package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RedisRestartIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email";

    @Test
    void aRunningConsumerReconnectsByItselfAfterRedisRestartsAndHandlesNewEntries(TestRedis redis) {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1"), entry -> Mono.fromCallable(() -> {
            handled.add(entry.envelope().id());
            return delivered(entry);
        }));
        harness.append(STREAM, 0, 10);
        await().atMost(Duration.ofSeconds(20)).until(() -> handled.size() == 10);

        redis.stop();
        redis.start(); // an empty Redis: no persistence, so the group and the stream are gone too
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> harness.redis().xadd(STREAM, harness.envelopeFields("event-after-restart")) != null);
        harness.append(STREAM, 100, 9);

        await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 20);
        assertThat(handled).contains("event-after-restart", "event-100", "event-108");
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.pending(STREAM, GROUP) == 0);
        assertThat(harness.deliveredCount(STREAM)).as("counted since the restart emptied Redis").isEqualTo(10);
    }

    @Test
    void aConsumerStartedWhileRedisIsDownStartsReadingOnceRedisAnswers(TestRedis redis) {
        Set<String> handled = ConcurrentHashMap.newKeySet();
        redis.stop();
        StreamConsumer consumer = harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1"),
                entry -> Mono.fromCallable(() -> {
                    handled.add(entry.envelope().id());
                    return delivered(entry);
                }));
        assertThat(consumer).as("the start returns although Redis does not answer").isNotNull();

        redis.start();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            harness.append(STREAM, 0, 5);
            return true;
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> handled.size() == 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> harness.pending(STREAM, GROUP) == 0);
    }
}
