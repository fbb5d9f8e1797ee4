package io.herald.campaign.create;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignServiceTestBase;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class CampaignCreationIntegrationTests extends CampaignServiceTestBase {

    static Map<String, Object> campaign() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Rates");
        body.put("category", "Finance");
        body.put("subject", "Rates are up");
        body.put("message", "Hello {{name}}, rates went up.");
        return body;
    }

    WebTestClient.ResponseSpec post(Map<String, Object> body, String idempotencyKey) {
        var request = web.post().uri("/api/v1/campaigns").header("X-API-Key", "test-key")
                .contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange();
    }

    long campaignsLength() {
        return others.redis().xlen(StreamKeys.CAMPAIGNS);
    }

    @Test
    void createdCampaignIsAcceptedWithItsLocationAndAppendedAsCreatedEvent() {
        Map<String, Object> body = campaign();
        body.put("channels", List.of("email", "sms"));
        var result = post(body, null)
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult();
        Map<?, ?> campaign = result.getResponseBody();
        String id = (String) campaign.get("id");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/api/v1/campaigns/" + id);
        assertThat(campaign.get("status")).isEqualTo("ACCEPTED");
        assertThat(campaign.get("channels")).isEqualTo(List.of("email", "sms"));
        assertThat(campaign.get("category")).isEqualTo("Finance");
        assertThat(campaign.get("completedAt")).isNull();
        assertThat(((Map<?, ?>) campaign.get("progress")).keySet().toString()).isEqualTo("[email, sms]");

        var created = others.campaignEvents(EventNames.CAMPAIGN_CREATED, id);
        assertThat(created).hasSize(1);
        assertThat(created.get(0).getBody().get("data")).contains("\"subject\":\"Rates are up\"").contains("\"channels\":[\"email\",\"sms\"]");

        web.get().uri("/api/v1/campaigns/" + id).header("X-API-Key", "test-key").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Rates").jsonPath("$.status").isEqualTo("ACCEPTED")
                .jsonPath("$.progress.email.targeted").isEqualTo(0);
    }

    @Test
    void browserFormCreatesTheSameCampaignAsThePost() {
        Map<?, ?> campaign = web.get().uri(uri -> uri.path("/api/v1/campaign/create").queryParam("category", "Movies")
                        .queryParam("subject", "New film").queryParam("message", "Watch it").queryParam("name", "Films")
                        .queryParam("channels", "push,email").build())
                .header("X-API-Key", "test-key").exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(campaign.get("status")).isEqualTo("ACCEPTED");
        assertThat(campaign.get("channels")).isEqualTo(List.of("push", "email"));
        assertThat(others.campaignEvents(EventNames.CAMPAIGN_CREATED, (String) campaign.get("id"))).hasSize(1);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of("category", "Gardening"),
                Arguments.of("category", null),
                Arguments.of("subject", " "),
                Arguments.of("name", null),
                Arguments.of("message", "x".repeat(10_001)),
                Arguments.of("scheduledAt", Instant.now().minusSeconds(60).toString()),
                Arguments.of("scheduledAt", "next tuesday"),
                Arguments.of("scheduledAt", "+999999999-12-31T23:59:59Z"),
                Arguments.of("channels", List.of("email", "pigeon")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badInput")
    void badInputIsRejectedNamingTheFieldAndAppendsNothing(String field, Object value) {
        Map<String, Object> body = campaign();
        body.put(field, value);
        long before = campaignsLength();
        post(body, null)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo(field);
        assertThat(campaignsLength()).isEqualTo(before);
    }

    @Test
    void messageOfExactlyTenThousandCharactersIsAccepted() {
        Map<String, Object> body = campaign();
        body.put("message", "x".repeat(10_000));
        post(body, null).expectStatus().isAccepted();
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheFirstCampaignAndAppendsNothing() {
        Map<?, ?> first = post(campaign(), "key-1").expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        long after = campaignsLength();
        Map<?, ?> again = post(campaign(), "key-1").expectStatus().isAccepted()
                .expectHeader().location("/api/v1/campaigns/" + first.get("id"))
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(campaignsLength()).isEqualTo(after);
        assertThat(others.redis().pttl(CampaignKeys.campaignIdempotency("key-1")))
                .isBetween(23 * 3600_000L, 24 * 3600_000L);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsAConflictAndAppendsNothing() {
        post(campaign(), "key-2").expectStatus().isAccepted();
        long after = campaignsLength();
        Map<String, Object> other = campaign();
        other.put("subject", "Rates are down");
        post(other, "key-2").expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(campaignsLength()).isEqualTo(after);
    }

    @Test
    void differentIdempotencyKeysCreateDifferentCampaigns() {
        Object a = post(campaign(), "key-a").expectBody(Map.class).returnResult().getResponseBody().get("id");
        Object b = post(campaign(), "key-b").expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void requestsWithoutTheApiKeyAreRejected() {
        web.post().uri("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON).bodyValue(campaign()).exchange()
                .expectStatus().isUnauthorized();
    }
}
