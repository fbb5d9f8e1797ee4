package io.herald.acceptance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the services' JSON APIs, with the API key. */
final class Api {

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    // HTTP/1.1, as curl and most clients speak it to these services (no h2c upgrade attempt)
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Response send(String method, URI uri, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return exchange(request.build());
        } catch (HttpTimeoutException e) {
            if (!IDEMPOTENT.contains(method)) {
                throw new java.io.UncheckedIOException(method + " " + uri + " failed", e);
            }
            // Seen once in CI (1 of ~150 sequential requests): a GET to user-service got no answer
            // within 30 s, its log showed nothing, and the next request was answered at once. An
            // idempotent request is sent once more, on a new connection (the client closes the one
            // that timed out), and the retry is printed; a service that really hangs fails twice.
            System.err.printf("%s %s timed out after 30 s; sending it once more%n", method, uri);
            try {
                return exchange(request.build());
            } catch (IOException again) {
                throw new java.io.UncheckedIOException(method + " " + uri + " failed twice", again);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    Response call(String method, URI uri, String body) {
        return send(method, uri, body, Map.of("X-API-Key", HeraldStack.API_KEY));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
