package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.kit.auth.ApiKeyStore;
import io.herald.kit.auth.Scope;
import io.herald.testsupport.RealRedis;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Scoped API keys: every scope against every endpoint family, rotation, revocation and refusals. */
@RealRedis
@SpringBootTest(classes = KitTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=bootstrap-key", "herald.api-keys.cache-ttl=200ms"})
@AutoConfigureWebTestClient
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyScopesIntegrationTests {

    /** An endpoint family: one request and the scope it needs. */
    record Family(HttpMethod method, String path, Scope needs) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family(HttpMethod.GET, "/api/v1/campaigns", Scope.READ),
            new Family(HttpMethod.GET, "/api/v1/users/1", Scope.READ),
            new Family(HttpMethod.GET, "/api/v1/channels/email/dead-letters", Scope.READ),
            new Family(HttpMethod.POST, "/api/v1/campaigns", Scope.CAMPAIGNS_WRITE),
            new Family(HttpMethod.DELETE, "/api/v1/campaigns/c1", Scope.CAMPAIGNS_WRITE),
            new Family(HttpMethod.GET, "/api/v1/campaign/create", Scope.CAMPAIGNS_WRITE),
            new Family(HttpMethod.POST, "/api/v1/notifications", Scope.CAMPAIGNS_WRITE),
            new Family(HttpMethod.POST, "/api/v1/users", Scope.USERS_WRITE),
            new Family(HttpMethod.PUT, "/api/v1/users/1/preferences", Scope.USERS_WRITE),
            new Family(HttpMethod.DELETE, "/api/v1/users/1", Scope.USERS_WRITE),
            new Family(HttpMethod.POST, "/api/v1/categories", Scope.USERS_WRITE),
            new Family(HttpMethod.POST, "/api/v1/queues/jobs/messages", Scope.QUEUE),
            new Family(HttpMethod.POST, "/api/v1/queues/jobs/fetch", Scope.QUEUE),
            new Family(HttpMethod.POST, "/api/v1/channels/email/dead-letters/replay", Scope.ADMIN),
            new Family(HttpMethod.GET, "/api/v1/keys", Scope.ADMIN),
            new Family(HttpMethod.POST, "/api/v1/keys", Scope.ADMIN),
            new Family(HttpMethod.POST, "/api/v1/something-new", Scope.ADMIN));

    @Autowired
    WebTestClient web;
    @Autowired
    ApiKeyStore store;

    final Map<Scope, String> secrets = new EnumMap<>(Scope.class);

    @BeforeAll
    void oneKeyPerScope() {
        for (Scope scope : Scope.values()) {
            secrets.put(scope, store.create("only-" + scope.value(), Set.of(scope)).block().secret());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachScopeOpensExactlyItsEndpointFamilies() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Scope scope : Scope.values()) {
            for (Family family : FAMILIES) {
                boolean allowed = scope == Scope.ADMIN || scope == family.needs();
                tests.add(DynamicTest.dynamicTest(scope.value() + " → " + family.method() + " " + family.path()
                        + (allowed ? " 2xx" : " 403"), () -> {
                    var response = web.method(family.method()).uri(family.path()).header("X-API-Key", secrets.get(scope))
                            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
                    if (allowed) {
                        response.expectStatus().is2xxSuccessful();
                    } else {
                        response.expectStatus().isForbidden()
                                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                .expectBody().jsonPath("$.title").isEqualTo("Missing scope")
                                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(family.needs().value()));
                    }
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theBootstrapKeyFromConfigurationIsAnAdminKey() {
        for (Family family : FAMILIES) {
            web.method(family.method()).uri(family.path()).header("X-API-Key", "bootstrap-key")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().is2xxSuccessful();
        }
    }

    @Test
    void aRevokedKeyIs401() {
        ApiKeyStore.Created key = store.create("short-lived", Set.of(Scope.READ)).block();
        get(key.secret()).expectStatus().isOk();
        assertThat(store.revoke(key.key().id()).block()).isTrue();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() ->
                get(key.secret()).expectStatus().isUnauthorized()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(store.list().map(k -> k.id()).collectList().block()).doesNotContain(key.key().id());
    }

    @Test
    void rotationGivesANewSecretAndKillsTheOldOne() {
        ApiKeyStore.Created key = store.create("rotated", Set.of(Scope.READ)).block();
        ApiKeyStore.Created rotated = store.rotate(key.key().id()).block();
        assertThat(rotated.secret()).isNotEqualTo(key.secret());
        assertThat(rotated.key().scopes()).containsExactly(Scope.READ);
        assertThat(rotated.key().rotatedAt()).isNotNull();
        get(rotated.secret()).expectStatus().isOk();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2)).untilAsserted(() ->
                get(key.secret()).expectStatus().isUnauthorized());
    }

    @Test
    void aKeyInTheQueryStringIsRefusedEvenWithAValidHeader() {
        web.get().uri("/api/v1/campaigns?api_key=" + secrets.get(Scope.READ)).header("X-API-Key", secrets.get(Scope.READ))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/campaigns?X-API-Key=" + secrets.get(Scope.READ)).exchange().expectStatus().isBadRequest();
    }

    @Test
    void anOverlongOrUnknownKeyIs401() {
        get("hrld_" + "a".repeat(300)).expectStatus().isUnauthorized();
        get("hrld_unknown").expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
    }

    @Test
    void listingShowsNamesAndScopesButNoSecrets() {
        var keys = store.list().collectList().block();
        assertThat(keys).extracting(k -> k.name()).contains("only-admin", "only-read");
        assertThat(keys.toString()).doesNotContain(secrets.get(Scope.READ));
    }

    private WebTestClient.ResponseSpec get(String key) {
        return web.get().uri("/api/v1/campaigns").header("X-API-Key", key).exchange();
    }
}
