package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A full Redis (maxmemory reached, noeviction) on the test's own redis-server: work done while
 * Redis refuses writes is recorded once memory is freed, not done again, and counted once.
 */
class StorageFullIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email";

    private RedisClient client;
    private RedisCommands<String, String> admin;

    @BeforeEach
    void adminConnection(TestRedis redis) {
        client = RedisClient.create(redis.url());
        StatefulRedisConnection<String, String> connection = client.connect();
        admin = connection.sync();
    }

    @AfterEach
    void memoryBack() {
        admin.configSet("maxmemory", "0");
        client.shutdown();
    }

    @Test
    void workDoneWhileRedisIsFullIsRecordedOnceWhenMemoryIsFreedAndNeverRedone() throws Exception {
        CountDownLatch full = new CountDownLatch(1);
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        // appended before the consumer starts, so that its first read takes all ten in one batch
        harness.append(STREAM, 0, 10);
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1").withBatchSize(10).withConcurrency(10)
                .withHandlerTimeout(Duration.ofSeconds(60)), entry -> {
            handled.computeIfAbsent(entry.envelope().id(), id -> new AtomicInteger()).incrementAndGet();
            // the work is done at once; its completion is written only once Redis is full
            return Mono.fromCallable(() -> full.await(30, TimeUnit.SECONDS))
                    .subscribeOn(Schedulers.boundedElastic())
                    .thenReturn(delivered(entry));
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 10);

        admin.configSet("maxmemory", "1");
        long refusedBefore = refusals();
        full.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> refusals() >= refusedBefore + 3);
        assertThat(harness.deliveredCount(STREAM)).as("nothing recorded while Redis is full").isZero();
        assertThat(harness.pending(STREAM, GROUP)).as("nothing acknowledged either").isEqualTo(10);

        admin.configSet("maxmemory", "0");

        await().atMost(Duration.ofSeconds(30)).until(() -> harness.deliveredCount(STREAM) == 10);
        assertThat(harness.pending(STREAM, GROUP)).isZero();
        assertThat(harness.deliveredRecords(STREAM)).hasSize(10);
        assertThat(handled.values()).as("each entry handled once: its completion was retried, not its work")
                .allMatch(count -> count.get() == 1);
    }

    /** Commands Redis refused with OOM since it started ({@code INFO errorstats}). */
    private long refusals() {
        return admin.info("errorstats").lines()
                .filter(line -> line.startsWith("errorstat_OOM:count="))
                .mapToLong(line -> Long.parseLong(line.substring("errorstat_OOM:count=".length()).split(",")[0]))
                .findFirst().orElse(0);
    }
}
