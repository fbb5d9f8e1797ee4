package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.herald.channel.queue.QueueClient.Fetched;
import io.herald.testsupport.RealRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Eight fetchers share one queue of 10,000 messages, requeueing some deliveries and letting
 * others time out: no delivery is handed out twice and every message is acknowledged exactly once.
 */
@RealRedis
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "herald.api-key=test-key")
@AutoConfigureWebTestClient
@DirtiesContext
class QueueConcurrencyIntegrationTests {

    private static final int MESSAGES = 10_000;
    private static final int FETCHERS = 8;
    private static final String QUEUE = "crowd";

    @Autowired
    WebTestClient web;

    @Test
    void concurrentFetchersWithRequeuesAndTimeoutsAcknowledgeEveryMessageExactlyOnce() throws Exception {
        QueueClient queues = new QueueClient(web);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(FETCHERS);
        Set<String> published = ConcurrentHashMap.newKeySet();
        for (Future<?> batch : pool.invokeAll(IntStream.range(0, FETCHERS).<java.util.concurrent.Callable<Void>>mapToObj(
                worker -> () -> {
                    for (int i = worker; i < MESSAGES; i += FETCHERS) {
                        published.add(queues.publish(QUEUE, "{\"n\":" + i + "}"));
                    }
                    return null;
                }).toList())) {
            batch.get();
        }
        assertThat(published).hasSize(MESSAGES);
        long publishedAt = System.nanoTime();

        Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
        Set<String> receipts = ConcurrentHashMap.newKeySet();
        Set<String> deliveries = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicLong requeued = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        AtomicLong acknowledgedTotal = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();

        List<Future<?>> fetchers = new ArrayList<>();
        for (int f = 0; f < FETCHERS; f++) {
            fetchers.add(pool.submit(() -> {
                while (acknowledgedTotal.get() < MESSAGES && System.nanoTime() < deadline) {
                    for (Fetched delivery : queues.fetch(QUEUE, "max=25&visibilityTimeout=PT3S&wait=PT1S")) {
                        boolean fresh = receipts.add(delivery.receipt()) & deliveries.add(delivery.id() + "#" + delivery.deliveries());
                        if (!fresh) {
                            duplicates.incrementAndGet();
                        }
                        int roll = ThreadLocalRandom.current().nextInt(100);
                        if (roll < 3) {
                            timedOut.incrementAndGet(); // never settled: comes back after its timeout
                        } else if (roll < 10) {
                            if (queues.requeue(QUEUE, delivery.receipt()) == HttpStatus.NO_CONTENT) {
                                requeued.incrementAndGet();
                            }
                        } else if (queues.acknowledge(QUEUE, delivery.receipt()) == HttpStatus.NO_CONTENT) {
                            acknowledged.computeIfAbsent(delivery.id(), id -> new AtomicInteger()).incrementAndGet();
                            acknowledgedTotal.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> fetcher : fetchers) {
            fetcher.get();
        }
        pool.shutdown();
        System.out.printf("queue concurrency: published %d in %d ms; %d fetchers acknowledged them in %d ms "
                        + "(%d requeued, %d left to time out, %d deliveries)%n", MESSAGES,
                (publishedAt - start) / 1_000_000, FETCHERS, (System.nanoTime() - publishedAt) / 1_000_000,
                requeued.get(), timedOut.get(), deliveries.size());

        assertThat(duplicates).hasValue(0);
        assertThat(acknowledged.keySet()).isEqualTo(published);
        assertThat(acknowledged.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(requeued.get()).isPositive();
        assertThat(timedOut.get()).isPositive();
        assertThat(queues.fetch(QUEUE, "max=100&wait=PT4S")).isEmpty();
    }
}
