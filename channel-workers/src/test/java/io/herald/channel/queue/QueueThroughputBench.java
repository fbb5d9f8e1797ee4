package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.herald.testsupport.RealRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Load program, not a test of the build (its name does not end in {@code Tests}): publishes
 * messages, then 8 concurrent HTTP clients fetch and acknowledge them all, and it prints the
 * rates. Run it with
 * {@code ./mvnw -B -pl channel-workers -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=QueueThroughputBench}
 * (sizes: {@code -Dbench.messages=20000 -Dbench.clients=8 -Dbench.max=10}); the figures land in
 * {@code target/failsafe-reports/*QueueThroughputBench-output.txt}.
 */
@RealRedis
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"herald.api-key=test-key", "logging.level.root=warn"})
@DirtiesContext
class QueueThroughputBench {

    private static final int MESSAGES = Integer.getInteger("bench.messages", 20_000);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 8);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void fetchAndAcknowledgeWithConcurrentClients() throws Exception {
        for (int max : new int[] {Integer.getInteger("bench.max", 10), 1}) {
            String queue = "bench-" + max;
            long publishNanos = run(CLIENTS, client -> {
                for (int i = client; i < MESSAGES; i += CLIENTS) {
                    assertThat(post("/" + queue + "/messages", "{\"n\":" + i + ",\"to\":\"+15550100\"}").statusCode()).isEqualTo(201);
                }
            });
            AtomicInteger acknowledged = new AtomicInteger();
            AtomicLong fetches = new AtomicLong();
            long consumeNanos = run(CLIENTS, client -> {
                while (acknowledged.get() < MESSAGES) {
                    List<QueueClient.Fetched> batch = QueueClient.parse(
                            post("/" + queue + "/fetch?max=" + max + "&visibilityTimeout=PT60S", "").body());
                    fetches.incrementAndGet();
                    for (QueueClient.Fetched delivery : batch) {
                        assertThat(post("/" + queue + "/acknowledge/" + delivery.receipt(), "").statusCode()).isEqualTo(204);
                        acknowledged.incrementAndGet();
                    }
                }
            });
            assertThat(acknowledged).hasValue(MESSAGES);
            System.out.printf("queue bench: %d messages, %d clients: publish %.0f msgs/s; fetch(max=%d)+ack %.0f msgs/s "
                            + "(%d fetches, %d cores, load average %.1f)%n", MESSAGES, CLIENTS,
                    MESSAGES / (publishNanos / 1e9), max, MESSAGES / (consumeNanos / 1e9), fetches.get(),
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    interface ClientLoop {
        void run(int client) throws Exception;
    }

    private static long run(int clients, ClientLoop loop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            running.add(pool.submit(() -> {
                loop.run(client);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return elapsed;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/queues" + path))
                .header("X-API-Key", QueueClient.API_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
