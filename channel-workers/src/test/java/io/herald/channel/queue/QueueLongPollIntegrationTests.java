package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.herald.channel.queue.QueueClient.Fetched;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code wait}: fetch long-polls until a message is available or the wait ends, without busy-looping. */
@RealRedis
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "herald.api-key=test-key")
@AutoConfigureWebTestClient
@DirtiesContext
class QueueLongPollIntegrationTests {

    @Autowired
    WebTestClient web;

    QueueClient queues;
    RedisClient client;
    StatefulRedisConnection<String, String> redis;

    @BeforeEach
    void connect(TestRedis testRedis) {
        testRedis.flushAll();
        queues = new QueueClient(web);
        client = RedisClient.create(testRedis.url());
        redis = client.connect();
    }

    @AfterEach
    void disconnect() {
        redis.close();
        client.shutdown();
    }

    @Test
    void longPollReturnsAMessagePublishedWhileItWaits() throws Exception {
        long scripts = scriptCalls();
        CompletableFuture<List<Fetched>> waiting = CompletableFuture.supplyAsync(() -> queues.fetch("mail", "wait=PT15S"));
        awaitWaiter("mail", scripts);
        assertThat(waiting).isNotDone();

        long published = System.nanoTime();
        String id = queues.publish("mail", "{\"n\":1}");

        List<Fetched> fetched = waiting.get(10, TimeUnit.SECONDS);
        assertThat(fetched).singleElement().satisfies(delivery -> assertThat(delivery.id()).isEqualTo(id));
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void longPollWakesWhenAMessageIsRequeued() throws Exception {
        String id = queues.publish("retry", "{}");
        Fetched first = queues.fetch("retry", "visibilityTimeout=PT1H").get(0);
        long scripts = scriptCalls();
        CompletableFuture<List<Fetched>> waiting = CompletableFuture.supplyAsync(() -> queues.fetch("retry", "wait=PT15S"));
        awaitWaiter("retry", scripts);
        assertThat(waiting).isNotDone();

        assertThat(queues.requeue("retry", first.receipt())).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(id);
            assertThat(again.deliveries()).isEqualTo(2);
        });
    }

    @Test
    void longPollWakesWhenALeaseExpires() {
        String id = queues.publish("lease", "{}");
        queues.fetch("lease", "visibilityTimeout=PT2S");
        long start = System.nanoTime();

        List<Fetched> again = queues.fetch("lease", "wait=PT15S");

        assertThat(again).singleElement().satisfies(delivery -> {
            assertThat(delivery.id()).isEqualTo(id);
            assertThat(delivery.deliveries()).isEqualTo(2);
        });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void longPollOnAnEmptyQueueAnswersAnEmptyListWhenTheWaitEndsAfterAHandfulOfRedisCommands() {
        queues.fetch("quiet", "");
        long scriptsBefore = scriptCalls();
        long start = System.nanoTime();

        assertThat(queues.fetchRaw("quiet", "wait=PT3S")).isEqualTo("[]");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        // one fetch when the wait starts and one when it ends: a busy loop would run hundreds
        assertThat(scriptCalls() - scriptsBefore).isLessThanOrEqualTo(3);
    }

    /**
     * Waits until a long poll is under way: this process listens to the queue's wake-ups and has
     * run the poll's first (empty) fetch since {@code scriptsBefore}.
     */
    private void awaitWaiter(String queue, long scriptsBefore) {
        String channel = StreamKeys.queueSignal(queue);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                redis.sync().pubsubNumsub(channel).getOrDefault(channel, 0L) > 0 && scriptCalls() > scriptsBefore);
    }

    private long scriptCalls() {
        String stats = redis.sync().info("commandstats");
        return calls(stats, "cmdstat_evalsha:") + calls(stats, "cmdstat_eval:");
    }

    private static long calls(String stats, String command) {
        int at = stats.indexOf(command);
        if (at < 0) {
            return 0;
        }
        int from = stats.indexOf("calls=", at) + "calls=".length();
        return Long.parseLong(stats.substring(from, stats.indexOf(',', from)));
    }
}
