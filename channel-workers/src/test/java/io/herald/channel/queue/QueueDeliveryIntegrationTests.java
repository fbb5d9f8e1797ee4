package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.jayway.jsonpath.JsonPath;
import io.herald.channel.queue.QueueClient.Fetched;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Fetch, acknowledge, requeue and the visibility timeout. */
@RealRedis
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = "herald.api-key=test-key")
@AutoConfigureWebTestClient
@DirtiesContext
class QueueDeliveryIntegrationTests {

    @Autowired
    WebTestClient web;

    QueueClient queues;

    @BeforeEach
    void reset(TestRedis redis) {
        redis.flushAll();
        queues = new QueueClient(web);
    }

    @Test
    void emptyQueueFetchesAnEmptyList() {
        assertThat(queues.fetchRaw("empty", "max=10")).isEqualTo("[]");
    }

    @Test
    void fetchReturnsUpToMaxMessagesOldestFirstEachWithItsOwnReceipt() {
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> queues.publish("jobs", "{\"n\":" + i + "}")).toList();

        List<Fetched> first = queues.fetch("jobs", "max=3");
        List<Fetched> rest = queues.fetch("jobs", "max=100");

        assertThat(first).extracting(Fetched::id).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(first).extracting(Fetched::body).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
        assertThat(rest).extracting(Fetched::id).containsExactlyElementsOf(ids.subList(3, 5));
        assertThat(concat(first, rest)).extracting(Fetched::receipt).doesNotHaveDuplicates()
                .allSatisfy(receipt -> assertThat(receipt).matches("[A-Za-z0-9_-]{22}"));
        assertThat(concat(first, rest)).extracting(Fetched::deliveries).containsOnly(1L);
    }

    @Test
    void fetchedMessageIsInvisibleToOtherFetchersUntilItsTimeoutPasses() {
        String id = queues.publish("jobs", "{}");
        Fetched first = queues.fetch("jobs", "visibilityTimeout=PT1S").get(0);

        assertThat(queues.fetch("jobs", "max=10")).isEmpty();

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(queues.fetch("jobs", "max=10")).singleElement().satisfies(again -> {
                    assertThat(again.id()).isEqualTo(id);
                    assertThat(again.receipt()).isNotEqualTo(first.receipt());
                    assertThat(again.deliveries()).isEqualTo(2);
                }));
    }

    @Test
    void acknowledgedMessageIsGoneForGood() {
        queues.publish("jobs", "{}");
        Fetched delivery = queues.fetch("jobs", "visibilityTimeout=PT1S").get(0);

        assertThat(queues.acknowledge("jobs", delivery.receipt())).isEqualTo(HttpStatus.NO_CONTENT);

        // long enough for the timeout of the (acknowledged) delivery to have passed
        assertThat(queues.fetch("jobs", "max=10&wait=PT2S")).isEmpty();
    }

    @Test
    void acknowledgingTwiceIsNotFound() {
        queues.publish("jobs", "{}");
        Fetched delivery = queues.fetch("jobs", "").get(0);
        queues.acknowledge("jobs", delivery.receipt());

        queues.web().post().uri("/api/v1/queues/jobs/acknowledge/{receipt}", delivery.receipt()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(404);
        assertThat(queues.requeue("jobs", delivery.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void receiptThatWasNeverIssuedIsNotFound() {
        queues.publish("jobs", "{}");
        queues.fetch("jobs", "");

        assertThat(queues.acknowledge("jobs", "AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.requeue("jobs", "AAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void receiptOfAnotherQueueIsNotFound() {
        queues.publish("jobs", "{}");
        Fetched delivery = queues.fetch("jobs", "").get(0);

        assertThat(queues.acknowledge("other", delivery.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.acknowledge("jobs", delivery.receipt())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void malformedReceiptIsBadRequest() {
        for (String receipt : List.of("short", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA=", "AAAAAAAAAAAAAAAAAAAA+/")) {
            // a '/' travels as %2F, which the strict path rules (service-kit) refuse before routing
            queues.web().post().uri("/api/v1/queues/jobs/acknowledge/{receipt}", receipt).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.title").value(title -> assertThat((String) title)
                            .isEqualTo(receipt.contains("/") ? "Rejected path" : "Invalid request"));
            assertThat(queues.requeue("jobs", receipt)).isEqualTo(HttpStatus.BAD_REQUEST);
        }
    }

    @Test
    void expiredReceiptIsNotFoundAndLeavesTheMessageQueued(TestRedis redis) {
        String id = queues.publish("jobs", "{}");
        Fetched delivery = queues.fetch("jobs", "visibilityTimeout=PT1S").get(0);

        try (RedisProbe probe = new RedisProbe(redis.url())) {
            probe.awaitLeasesExpired("jobs");
        }

        assertThat(queues.acknowledge("jobs", delivery.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.requeue("jobs", delivery.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.fetch("jobs", "")).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(id);
            assertThat(again.deliveries()).isEqualTo(2);
        });
    }

    @Test
    void lateAcknowledgementOfATimedOutDeliveryDoesNotRemoveTheNewDelivery() {
        String id = queues.publish("jobs", "{}");
        Fetched first = queues.fetch("jobs", "visibilityTimeout=PT1S").get(0);
        Fetched second = queues.fetch("jobs", "visibilityTimeout=PT30S&wait=PT5S").get(0);

        assertThat(second.id()).isEqualTo(id);
        assertThat(queues.acknowledge("jobs", first.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.requeue("jobs", first.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.acknowledge("jobs", second.receipt())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void requeuedMessageComesBackAtOnceUnderANewReceiptWithOneMoreDelivery() {
        String id = queues.publish("jobs", "{\"k\":\"v\"}");
        Fetched first = queues.fetch("jobs", "visibilityTimeout=PT1H").get(0);

        assertThat(queues.requeue("jobs", first.receipt())).isEqualTo(HttpStatus.NO_CONTENT);
        Fetched second = queues.fetch("jobs", "visibilityTimeout=PT1H").get(0);

        assertThat(second.id()).isEqualTo(id);
        assertThat(second.body()).isEqualTo("{\"k\":\"v\"}");
        assertThat(second.receipt()).isNotEqualTo(first.receipt());
        assertThat(second.deliveries()).isEqualTo(2);
        assertThat(queues.acknowledge("jobs", first.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.requeue("jobs", first.receipt())).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(queues.acknowledge("jobs", second.receipt())).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(queues.fetch("jobs", "")).isEmpty();
    }

    @Test
    void requeuedMessageIsDeliveredBeforeNewerOnes() {
        String older = queues.publish("jobs", "{\"n\":1}");
        Fetched first = queues.fetch("jobs", "").get(0);
        String newer = queues.publish("jobs", "{\"n\":2}");
        queues.requeue("jobs", first.receipt());

        assertThat(queues.fetch("jobs", "max=10")).extracting(Fetched::id).containsExactly(older, newer);
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidFetchParametersAreRejectedWithEveryFieldNamed() {
        queues.publish("jobs", "{}");
        queues.web().post().uri("/api/v1/queues/jobs/fetch?max=0&visibilityTimeout=PT0.5S&wait=PT21S").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields ->
                        assertThat((List<Object>) fields).containsExactlyInAnyOrder("max", "visibilityTimeout", "wait"));
        for (String query : List.of("max=101", "max=ten", "visibilityTimeout=PT12H0.001S", "visibilityTimeout=30s",
                "wait=-PT1S", "wait=soon")) {
            queues.web().post().uri("/api/v1/queues/jobs/fetch?" + query).exchange().expectStatus().isBadRequest();
        }

        assertThat(queues.fetch("jobs", "max=100&visibilityTimeout=PT12H&wait=PT20S")).hasSize(1);
    }

    @Test
    void operationsAreCountedInTheMetrics() {
        double published = metric("published");
        double redelivered = metric("redelivered");
        double acknowledged = metric("acknowledged");
        double rejected = metric("settle.rejected");
        queues.publish("counted", "{}");
        Fetched first = queues.fetch("counted", "").get(0);
        queues.requeue("counted", first.receipt());
        queues.acknowledge("counted", queues.fetch("counted", "").get(0).receipt());
        queues.acknowledge("counted", first.receipt());

        assertThat(metric("published")).isEqualTo(published + 1);
        assertThat(metric("redelivered")).isEqualTo(redelivered + 1);
        assertThat(metric("acknowledged")).isEqualTo(acknowledged + 1);
        assertThat(metric("settle.rejected")).isEqualTo(rejected + 1);
    }

    private double metric(String name) {
        byte[] body = web.get().uri("/actuator/metrics/herald.queue." + name).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        Number value = JsonPath.read(new String(body, StandardCharsets.UTF_8), "$.measurements[0].value");
        return value.doubleValue();
    }

    private static List<Fetched> concat(List<Fetched> a, List<Fetched> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
