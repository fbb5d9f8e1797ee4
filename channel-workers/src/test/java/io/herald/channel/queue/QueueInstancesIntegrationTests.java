package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.channel.ChannelWorkersApplication;
import io.herald.channel.queue.QueueClient.Fetched;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Messages and leases live in Redis: they survive a restart of channel-workers, and several
 * instances serve one queue as one.
 */
@RealRedis
class QueueInstancesIntegrationTests {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @BeforeEach
    void reset(TestRedis redis) {
        redis.flushAll();
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
    }

    @Test
    void messagesAndLeasesSurviveARestart(TestRedis redis) {
        ConfigurableApplicationContext before = start(redis, "a");
        QueueClient first = client(before);
        String leasedId = first.publish("durable", "{\"n\":1}");
        String waitingId = first.publish("durable", "{\"n\":2}");
        Fetched leased = first.fetch("durable", "visibilityTimeout=PT1H").get(0);
        before.close();

        QueueClient second = client(start(redis, "a"));

        assertThat(leased.id()).isEqualTo(leasedId);
        assertThat(second.fetch("durable", "max=10")).singleElement().satisfies(delivery -> {
            assertThat(delivery.id()).isEqualTo(waitingId);
            assertThat(delivery.body()).isEqualTo("{\"n\":2}");
            assertThat(delivery.deliveries()).isEqualTo(1);
        });
        assertThat(second.acknowledge("durable", leased.receipt())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void twoInstancesServeOneQueueWithoutSharingADelivery(TestRedis redis) {
        QueueClient a = client(start(redis, "a"));
        QueueClient b = client(start(redis, "b"));
        Set<String> published = new HashSet<>();
        IntStream.range(0, 200).forEach(i -> published.add((i % 2 == 0 ? a : b).publish("shared", "{\"n\":" + i + "}")));

        List<Fetched> fetched = new ArrayList<>();
        for (int round = 0; fetched.size() < published.size() && round < 100; round++) {
            fetched.addAll((round % 2 == 0 ? a : b).fetch("shared", "max=7&visibilityTimeout=PT1H"));
        }

        assertThat(fetched).extracting(Fetched::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
        for (int i = 0; i < fetched.size(); i++) {
            // settled through the other instance than the one that may have fetched it
            assertThat((i % 2 == 0 ? b : a).acknowledge("shared", fetched.get(i).receipt())).isEqualTo(HttpStatus.NO_CONTENT);
        }
        assertThat(a.fetch("shared", "max=100")).isEmpty();
        assertThat(b.fetch("shared", "max=100")).isEmpty();
    }

    @Test
    void longPollOnOneInstanceWakesForAMessagePublishedOnAnother(TestRedis redis) throws Exception {
        QueueClient a = client(start(redis, "a"));
        QueueClient b = client(start(redis, "b"));
        a.fetch("relay", "");
        try (RedisProbe probe = new RedisProbe(redis.url())) {
            long scripts = probe.scriptCalls();
            CompletableFuture<List<Fetched>> waiting = CompletableFuture.supplyAsync(() -> a.fetch("relay", "wait=PT20S"));
            probe.awaitLongPoll("relay", scripts);
            assertThat(waiting).isNotDone();

            String id = b.publish("relay", "{}");

            assertThat(waiting.get(15, TimeUnit.SECONDS)).extracting(Fetched::id).containsExactly(id);
        }
    }

    @Test
    void whileRedisIsDownTheApiAnswers503AndServesAgainOnceItIsBack(TestRedis redis) {
        QueueClient queues = client(start(redis, "a"));
        queues.publish("outage", "{}");
        String receipt = queues.fetch("outage", "").get(0).receipt();

        redis.stop();
        try {
            queues.publishRaw("outage", "{}").expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            queues.web().post().uri("/api/v1/queues/outage/fetch").exchange().expectStatus().isEqualTo(503);
            queues.web().post().uri("/api/v1/queues/outage/acknowledge/" + receipt).exchange().expectStatus().isEqualTo(503);
        } finally {
            redis.start();
        }

        // the test server keeps no data across a restart: the queue and its group are made anew
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                queues.publishRaw("outage", "{\"after\":true}").returnResult(Void.class).getStatus().value() == 201);
        assertThat(queues.fetch("outage", "max=10")).extracting(Fetched::body).contains("{\"after\":true}");
    }

    private ConfigurableApplicationContext start(TestRedis redis, String instance) {
        // as command-line arguments: they must win over the service kit's defaults
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ChannelWorkersApplication.class)
                .run("--server.port=0", "--herald.api-key=" + QueueClient.API_KEY, "--herald.instance-id=" + instance,
                        "--spring.data.redis.url=" + redis.url());
        running.add(context);
        return context;
    }

    private static QueueClient client(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        return new QueueClient(WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build());
    }
}
