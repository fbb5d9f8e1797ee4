package io.herald.channel.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The queue API as a test uses it: thin calls over {@link WebTestClient}, answers parsed. */
final class QueueClient {

    static final String API_KEY = "test-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One delivery as fetch answers it; {@code body} is the raw JSON text. */
    record Fetched(String receipt, String id, String body, long deliveries) {
    }

    private final WebTestClient web;

    QueueClient(WebTestClient web) {
        this.web = web.mutate().responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(1024 * 1024))
                .defaultHeader("X-API-Key", API_KEY).build();
    }

    WebTestClient web() {
        return web;
    }

    /** Publishes and returns the message id (expects 201). */
    String publish(String queue, String json) {
        Map<String, Object> answer = JSON.readValue(publishRaw(queue, json).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody(), new TypeReference<>() { });
        return (String) answer.get("id");
    }

    WebTestClient.ResponseSpec publishRaw(String queue, String json) {
        return web.post().uri("/api/v1/queues/{queue}/messages", queue)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    /** The raw answer of a fetch that must succeed. */
    String fetchRaw(String queue, String query) {
        return web.post().uri("/api/v1/queues/" + queue + "/fetch" + (query.isEmpty() ? "" : "?" + query))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    List<Fetched> fetch(String queue, String query) {
        return parse(fetchRaw(queue, query));
    }

    static List<Fetched> parse(String raw) {
        List<Map<String, Object>> rows = JSON.readValue(raw, new TypeReference<>() { });
        return rows.stream().map(row -> new Fetched((String) row.get("receipt"), (String) row.get("id"),
                JSON.writeValueAsString(row.get("body")), ((Number) row.get("deliveries")).longValue())).toList();
    }

    HttpStatus acknowledge(String queue, String receipt) {
        return settle(queue, "acknowledge", receipt);
    }

    HttpStatus requeue(String queue, String receipt) {
        return settle(queue, "requeue", receipt);
    }

    private HttpStatus settle(String queue, String action, String receipt) {
        return HttpStatus.valueOf(web.post().uri("/api/v1/queues/{queue}/{action}/{receipt}", queue, action, receipt)
                .exchange().returnResult(Void.class).getStatus().value());
    }
}
