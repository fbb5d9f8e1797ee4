package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@RealRedis
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "herald.api-key=test-key")
@AutoConfigureWebTestClient
@DirtiesContext
class QueuePublishIntegrationTests {

    private static final int LIMIT = 256 * 1024;

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
    void publishedObjectComesBackByteForByteWithItsId() {
        String body = "{ \"b\" : 1.50,\"a\":[true ,null, 1e3],\n\t\"text\":\"caf\u00e9 \\u00e9 \\\"q\\\" \u2603\",\"nested\":{}}";
        String id = queues.publish("orders", body);

        String raw = queues.fetchRaw("orders", "");

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(raw).contains("\"body\":" + body);
        assertThat(raw.getBytes(StandardCharsets.UTF_8)).containsSequence(body.getBytes(StandardCharsets.UTF_8));
        assertThat(QueueClient.parse(raw)).singleElement().satisfies(delivery -> {
            assertThat(delivery.id()).isEqualTo(id);
            assertThat(delivery.deliveries()).isEqualTo(1);
        });
    }

    @Test
    void publishedMessageIsAHeraldEnvelopeOnTheQueueStream() {
        String id = queues.publish("envelopes", "{\"to\":\"+15550100\"}");

        var entries = redis.sync().xrange(StreamKeys.queue("envelopes"), io.lettuce.core.Range.unbounded());

        assertThat(entries).singleElement().satisfies(entry -> assertThat(entry.getBody()).containsAllEntriesOf(Map.of(
                "event", "queue_message_published", "data", "{\"to\":\"+15550100\"}", "id", id, "v", "1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "null", "{\"a\":", "{\"a\":1}}", "{\"a\":1} {\"b\":2}", "{'a':1}", " "})
    void nonObjectOrMalformedJsonIsRejectedAndNothingIsStored(String body) {
        queues.publishRaw("rejects", body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");

        assertThat(redis.sync().exists(StreamKeys.queue("rejects"))).isZero();
    }

    @Test
    void bodyThatIsNotUtf8IsRejected() {
        byte[] latin1 = "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        queues.web().post().uri("/api/v1/queues/rejects/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(latin1).exchange()
                .expectStatus().isBadRequest();

        assertThat(redis.sync().exists(StreamKeys.queue("rejects"))).isZero();
    }

    @Test
    void missingBodyIsRejected() {
        queues.web().post().uri("/api/v1/queues/rejects/messages").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void bodyAtTheLimitIsAccepted() {
        String body = objectOfSize(LIMIT);

        String id = queues.publish("large", body);

        assertThat(queues.fetchRaw("large", "")).contains(id).contains(body);
    }

    @Test
    void bodyOverTheLimitIsRejectedWith413AndNothingIsStored() {
        queues.publishRaw("large", objectOfSize(LIMIT + 1)).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(redis.sync().exists(StreamKeys.queue("large"))).isZero();
    }

    @Test
    void chunkedBodyOverTheLimitIsRejectedWith413AndNothingIsStored() {
        byte[] bytes = objectOfSize(LIMIT + 1).getBytes(StandardCharsets.UTF_8);
        Flux<DataBuffer> chunks = Flux.range(0, (bytes.length + 8191) / 8192)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(
                        java.util.Arrays.copyOfRange(bytes, i * 8192, Math.min(bytes.length, (i + 1) * 8192))));

        queues.web().post().uri("/api/v1/queues/large/messages").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(redis.sync().exists(StreamKeys.queue("large"))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "-orders", "orders_eu", "orders.eu",
            "a123456789a123456789a123456789a123456789a123456789a123456789abcd"})
    void badQueueNamesAreRejectedEverywhere(String name) {
        queues.publishRaw(name, "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("queue");
        for (String path : List.of("fetch", "acknowledge/AAAAAAAAAAAAAAAAAAAAAA", "requeue/AAAAAAAAAAAAAAAAAAAAAA")) {
            queues.web().post().uri("/api/v1/queues/" + name + "/" + path).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("queue");
        }
        // queue keys only: the channel workers of the same application create their notify:* streams (MKSTREAM)
        assertThat(redis.sync().keys("queue*")).isEmpty();
    }

    @Test
    void longestValidQueueNameIsAccepted() {
        String name = "a123456789a123456789a123456789a123456789a123456789a123456789abc";

        queues.publish(name, "{}");

        assertThat(queues.fetch(name, "")).hasSize(1);
    }

    @Test
    void queueApiRequiresTheApiKey() {
        web.post().uri("/api/v1/queues/orders/messages").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/queues/orders/fetch").exchange().expectStatus().isUnauthorized();
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static String objectOfSize(int size) {
        String prefix = "{\"pad\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }
}
