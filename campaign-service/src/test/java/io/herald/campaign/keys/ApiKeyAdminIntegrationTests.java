package io.herald.campaign.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.campaign.CampaignServiceTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class ApiKeyAdminIntegrationTests extends CampaignServiceTestBase {

    @Test
    void aSenderAppKeyCreatesCampaignsReadsThemAndNothingElse() {
        Map<String, Object> key = createKey("{\"name\":\"billing-app\",\"scopes\":[\"campaigns:write\",\"read\"]}");
        String secret = (String) key.get("secret");
        assertThat(secret).startsWith("hrld_").hasSizeGreaterThan(40);
        assertThat(key.get("scopes")).isEqualTo(List.of("campaigns:write", "read"));

        String id = (String) web.post().uri("/api/v1/campaigns").header("X-API-Key", secret)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "n", "category", "Finance", "subject", "s", "message", "m")).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        web.get().uri("/api/v1/campaigns/" + id).header("X-API-Key", secret).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/keys").header("X-API-Key", secret).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void listingShowsEveryKeyWithoutItsSecret() {
        Map<String, Object> key = createKey("{\"name\":\"listed\",\"scopes\":[\"read\"]}");
        String body = admin(web.get().uri("/api/v1/keys")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"listed\"").contains((String) key.get("id"))
                .doesNotContain((String) key.get("secret")).doesNotContain("secret");
    }

    @Test
    void rotationAnswersANewSecretOnceAndTheOldOneStopsWorking() {
        Map<String, Object> key = createKey("{\"name\":\"rotating\",\"scopes\":[\"read\"]}");
        String old = (String) key.get("secret");
        Map<String, Object> rotated = admin(web.post().uri("/api/v1/keys/" + key.get("id") + "/rotate")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String fresh = (String) rotated.get("secret");
        assertThat(fresh).isNotEqualTo(old);
        web.get().uri("/api/v1/campaigns").header("X-API-Key", fresh).exchange().expectStatus().isOk();
        Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                web.get().uri("/api/v1/campaigns").header("X-API-Key", old).exchange().expectStatus().isUnauthorized());
    }

    @Test
    void aDeletedKeyIsRefusedWithinSecondsAndCannotBeDeletedTwice() {
        Map<String, Object> key = createKey("{\"name\":\"doomed\",\"scopes\":[\"read\"]}");
        admin(web.delete().uri("/api/v1/keys/" + key.get("id"))).exchange().expectStatus().isNoContent();
        Awaitility.await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                web.get().uri("/api/v1/campaigns").header("X-API-Key", (String) key.get("secret")).exchange()
                        .expectStatus().isUnauthorized());
        admin(web.delete().uri("/api/v1/keys/" + key.get("id"))).exchange().expectStatus().isNotFound();
        admin(web.post().uri("/api/v1/keys/0123456789abcdef/rotate")).exchange().expectStatus().isNotFound();
    }

    @Test
    void badKeyRequestsAre400() {
        for (String body : new String[] {"{\"name\":\"x\",\"scopes\":[\"root\"]}", "{\"name\":\"x\",\"scopes\":[]}",
                "{\"name\":\"\",\"scopes\":[\"read\"]}", "{\"name\":\"a\\u0000b\",\"scopes\":[\"read\"]}", "{}"}) {
            admin(web.post().uri("/api/v1/keys")).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void campaignNamesAndSubjectsWithControlCharactersAre400() {
        web.post().uri("/api/v1/campaigns").header("X-API-Key", API_KEY).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"\\u0000\\u0007\",\"category\":\"Finance\",\"subject\":\"Hi\\r\\nBcc: all\",\"message\":\"m\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'subject')]").exists();
    }

    private Map<String, Object> createKey(String body) {
        return admin(web.post().uri("/api/v1/keys")).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S admin(S spec) {
        spec.header("X-API-Key", API_KEY);
        return spec;
    }
}
