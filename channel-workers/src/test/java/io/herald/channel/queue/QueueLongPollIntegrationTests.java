package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.herald.channel.queue.QueueClient.Fetched;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    RedisProbe probe;

    @BeforeEach
    void connect(TestRedis testRedis) {
        testRedis.flushAll();
        queues = new QueueClient(web);
        probe = new RedisProbe(testRedis.url());
    }

    @AfterEach
    void disconnect() {
        probe.close();
    }

    @Test
    void longPollReturnsAMessagePublishedWhileItWaits() throws Exception {
        long scripts = probe.scriptCalls();
        CompletableFuture<List<Fetched>> waiting = CompletableFuture.supplyAsync(() -> queues.fetch("mail", "wait=PT15S"));
        probe.awaitLongPoll("mail", scripts);
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
        long scripts = probe.scriptCalls();
        CompletableFuture<List<Fetched>> waiting = CompletableFuture.supplyAsync(() -> queues.fetch("retry", "wait=PT15S"));
        probe.awaitLongPoll("retry", scripts);
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
        long scriptsBefore = probe.scriptCalls();
        long start = System.nanoTime();

        assertThat(queues.fetchRaw("quiet", "wait=PT3S")).isEqualTo("[]");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        // one fetch when the wait starts and one when it ends: a busy loop would run hundreds
        assertThat(probe.scriptCalls() - scriptsBefore).isLessThanOrEqualTo(3);
    }
}
