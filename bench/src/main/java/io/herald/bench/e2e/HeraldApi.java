package io.herald.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Herald's HTTP API (docs/design.md §4) as the bench uses it: blocking calls with the API key. Thread-safe.
 */
public final class HeraldApi {

    /** One HTTP answer: status, content type and parsed body ({@code null} when not JSON). */
    public record Answer(int status, String contentType, JsonNode body, String raw) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String apiKey;
    private final Stack stack;

    public HeraldApi(Stack stack, String apiKey) {
        this.stack = stack;
        this.apiKey = apiKey;
    }

    /** Category names known to user-service. */
    public List<String> categories() {
        List<String> names = new ArrayList<>();
        ok(send("GET", stack.url(Stack.USERS) + "/api/v1/categories", null), 200).body()
                .forEach(node -> names.add(node.asString()));
        return names;
    }

    /** Up to {@code limit} users subscribed to {@code category}. */
    public JsonNode users(String category, int limit) {
        return ok(send("GET", stack.url(Stack.USERS) + "/api/v1/users?category=" + encode(category) + "&limit=" + limit,
                null), 200).body();
    }

    /** Creates a campaign (202) and returns it. {@code channels} empty: each subscriber's own channels. */
    public JsonNode createCampaign(String name, String category, String subject, String message, List<String> channels) {
        Map<String, Object> body = channels.isEmpty()
                ? Map.of("name", name, "category", category, "subject", subject, "message", message)
                : Map.of("name", name, "category", category, "subject", subject, "message", message, "channels", channels);
        return ok(send("POST", stack.url(Stack.CAMPAIGNS) + "/api/v1/campaigns", body), 202).body();
    }

    /** Base URL of campaign-service (a process keeps its port across restarts). */
    public String campaignsBaseUrl() {
        return stack.url(Stack.CAMPAIGNS);
    }

    public JsonNode campaign(String id) {
        return ok(send("GET", stack.url(Stack.CAMPAIGNS) + "/api/v1/campaigns/" + id, null), 200).body();
    }

    /** Posts one transactional notification (202) and returns its notification ids. */
    public List<String> notify(String userId, String subject, String message) {
        JsonNode body = ok(send("POST", stack.url(Stack.NOTIFICATIONS) + "/api/v1/notifications",
                Map.of("userId", userId, "subject", subject, "message", message)), 202).body();
        List<String> ids = new ArrayList<>();
        body.path("notificationIds").forEach(node -> ids.add(node.asString()));
        return ids;
    }

    public Answer notification(String notificationId) {
        return send("GET", stack.url(Stack.NOTIFICATIONS) + "/api/v1/notifications/" + encode(notificationId), null);
    }

    /** Replays a channel's dead letters; answers how many went back to the stream. */
    public long replayDeadLetters(String channel) {
        return ok(send("POST", stack.url(Stack.WORKERS) + "/api/v1/channels/" + channel + "/dead-letters/replay", null),
                202).body().path("replayed").asLong();
    }

    /** A service's meters in Prometheus's text format ({@code /actuator/prometheus}). */
    public String prometheus(String service) {
        return ok(send("GET", stack.url(service) + "/actuator/prometheus", null, "text/plain"), 200).raw();
    }

    /** Any request to any service; never throws for an HTTP status (only for I/O). */
    public Answer send(String method, String url, Object body) {
        return send(method, url, body, "application/json, application/problem+json");
    }

    private Answer send(String method, String url, Object body, String accept) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("X-API-Key", apiKey).header("Accept", accept);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = type.contains("json") && !response.body().isEmpty() ? JSON.readTree(response.body()) : null;
            return new Answer(response.statusCode(), type, json, response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Answer ok(Answer answer, int expected) {
        if (answer.status() != expected) {
            throw new IllegalStateException("expected HTTP " + expected + " but got " + answer.status() + ": " + answer.raw());
        }
        return answer;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
