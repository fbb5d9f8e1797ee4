package io.herald.user.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.herald.testsupport.RealRedis;
import io.herald.user.SeededRedis;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "herald.api-key=test-key")
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext
class UserApiIntegrationTests {

    private static final JsonMapper JSON = new JsonMapper();

    @Autowired
    WebTestClient web;

    @Autowired
    RedisConnections connections;

    RedisClusterCommands<String, String> redis;

    @BeforeEach
    void connectAndAwaitDefaultCategories() {
        redis = SeededRedis.await(connections, redis);
    }

    private WebTestClient.ResponseSpec post(String path, String json) {
        return web.post().uri(path).header("X-API-Key", "test-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec put(String path, String json) {
        return web.put().uri(path).header("X-API-Key", "test-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    private WebTestClient.ResponseSpec get(String path) {
        return web.get().uri(path).header("X-API-Key", "test-key").exchange();
    }

    private JsonNode body(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectBody(String.class).returnResult().getResponseBody());
    }

    private String createUser(String name, String categories, String channels) {
        String json = """
                {"name": "%s", "email": "%s@example.com", "phone": "+14155550123", "deviceToken": "tok-%s",
                 "categories": [%s], "channels": [%s]}""".formatted(name, name.toLowerCase(), name, categories, channels);
        return body(post("/api/v1/users", json).expectStatus().isCreated()).get("id").asString();
    }

    private long usersStreamLength() {
        return redis.xlen(StreamKeys.USERS);
    }

    @Test
    void createdUserIsStoredIndexedAnnouncedAndReadable() {
        long before = usersStreamLength();
        WebTestClient.ResponseSpec created = post("/api/v1/users", """
                {"name": "Ada Lovelace", "email": "ada@example.com", "phone": "+442071234567",
                 "categories": ["Finance", "Sports"], "channels": ["email", "sms"]}""");
        created.expectStatus().isCreated().expectHeader().valueMatches("Location", "/api/v1/users/\\d+");
        JsonNode user = body(created);
        String id = user.get("id").asString();
        assertThat(user.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(user.get("categories").toString()).isEqualTo("[\"Finance\",\"Sports\"]");

        get("/api/v1/users/" + id).expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo("ada@example.com")
                .jsonPath("$.phone").isEqualTo("+442071234567")
                .jsonPath("$.channels[1]").isEqualTo("sms");
        assertThat(redis.zscore(StreamKeys.categoryMembers("Finance"), id)).isEqualTo(Double.parseDouble(id));
        assertThat(redis.zscore(StreamKeys.categoryMembers("Sports"), id)).isNotNull();
        assertThat(redis.zscore(StreamKeys.categoryMembers("Movies"), id)).isNull();
        assertThat(usersStreamLength()).isEqualTo(before + 1);
        var last = redis.xrevrange(StreamKeys.USERS, Range.create("-", "+"), io.lettuce.core.Limit.create(0, 1)).get(0);
        EventEnvelope event = EventEnvelope.fromFields(last.getBody());
        assertThat(event.event()).isEqualTo(EventNames.USER_CREATED);
        assertThat(JSON.readTree(event.data()).get("id").asString()).isEqualTo(id);
    }

    @Test
    void chosenChannelWithoutItsContactFieldIs400NamingTheFieldAndStoresNothing() {
        long before = usersStreamLength();
        String highestId = redis.get(StreamKeys.USER_IDS);
        post("/api/v1/users", """
                {"name": "Bob", "email": "bob@example.com", "categories": ["Finance"], "channels": ["email", "sms", "push"]}""")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[?(@.field == 'phone')].message").exists()
                .jsonPath("$.errors[?(@.field == 'deviceToken')].message").exists();
        assertThat(usersStreamLength()).isEqualTo(before);
        assertThat(redis.get(StreamKeys.USER_IDS)).isEqualTo(highestId);
    }

    @Test
    void malformedEmailAndPhoneAre400NamingEachField() {
        post("/api/v1/users", """
                {"name": "Eve", "email": "not-an-email", "phone": "0044 20 7123", "categories": [], "channels": ["email"]}""")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'email')].message").exists()
                .jsonPath("$.errors[?(@.field == 'phone')].message").exists();
    }

    @Test
    void unknownCategoryOrChannelIs400NamingTheField() {
        long before = usersStreamLength();
        post("/api/v1/users", """
                {"name": "Carl", "email": "carl@example.com", "categories": ["Knitting"], "channels": ["email"]}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("categories")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("Knitting"));
        post("/api/v1/users", """
                {"name": "Carl", "email": "carl@example.com", "categories": ["Finance"], "channels": ["fax"]}""")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channels");
        assertThat(usersStreamLength()).isEqualTo(before);
        assertThat(redis.zcard(StreamKeys.categoryMembers("Knitting"))).isZero();
    }

    @Test
    void aNumberWhereTextBelongsIs400NotCoercedText() {
        long before = usersStreamLength();
        post("/api/v1/users", """
                {"name": 12, "email": "n@example.com", "categories": ["Finance"], "channels": ["email"]}""")
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/v1/categories", "{\"name\": 123}").expectStatus().isBadRequest();
        assertThat(usersStreamLength()).isEqualTo(before);
        assertThat(redis.sismember(StreamKeys.CATEGORIES, "123")).isFalse();
    }

    @Test
    void hostileInputIs400AndStoresNothing() {
        long before = usersStreamLength();
        post("/api/v1/users", """
                {"name": "Eve", "email": "eve@example.com\\r\\nBcc: all@example.com", "categories": ["Finance"], "channels": ["email"]}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        post("/api/v1/users", """
                {"name": "Eve", "email": "eve@example.com", "categories": ["Finance\\r\\nFLUSHALL\\r\\n"], "channels": ["email"]}""")
                .expectStatus().isBadRequest();
        post("/api/v1/categories", "{\"name\": \"Fin\\u0000an\\u0007ce\"}").expectStatus().isBadRequest();
        get("/api/v1/users/99999999999999999999999").expectStatus().isNotFound();
        assertThat(usersStreamLength()).isEqualTo(before);
    }

    @Test
    void missingNameIs400AndMissingApiKeyIs401() {
        post("/api/v1/users", """
                {"email": "x@example.com", "categories": [], "channels": ["email"]}""")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        web.get().uri("/api/v1/users").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unknownUserIs404ForReadUpdateAndDelete() {
        get("/api/v1/users/987654321").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/v1/users/not-a-number").expectStatus().isNotFound();
        put("/api/v1/users/987654321/preferences", "{\"categories\": [], \"channels\": []}").expectStatus().isNotFound();
        web.delete().uri("/api/v1/users/987654321").header("X-API-Key", "test-key").exchange().expectStatus().isNotFound();
    }

    @Test
    void preferencesUpdateMovesTheUserBetweenCategoriesAndIsAnnounced() {
        String id = createUser("Grace", "\"Finance\"", "\"email\"");
        long before = usersStreamLength();
        put("/api/v1/users/" + id + "/preferences", "{\"categories\": [\"Movies\"], \"channels\": [\"sms\", \"push\"]}")
                .expectStatus().isOk().expectBody()
                .jsonPath("$.categories[0]").isEqualTo("Movies")
                .jsonPath("$.channels.length()").isEqualTo(2)
                .jsonPath("$.updatedAt").exists();
        assertThat(redis.zscore(StreamKeys.categoryMembers("Finance"), id)).isNull();
        assertThat(redis.zscore(StreamKeys.categoryMembers("Movies"), id)).isNotNull();
        assertThat(usersStreamLength()).isEqualTo(before + 1);
        assertThat(redis.hget(StreamKeys.user(id), UserHash.CHANNELS)).isEqualTo("sms,push");
    }

    @Test
    void preferencesNeedingAMissingContactFieldAre400AndChangeNothing() {
        String id = createUser("Linus", "\"Finance\"", "\"email\"");
        redis.hdel(StreamKeys.user(id), UserHash.PHONE);
        put("/api/v1/users/" + id + "/preferences", "{\"categories\": [\"Sports\"], \"channels\": [\"sms\"]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("phone");
        assertThat(redis.zscore(StreamKeys.categoryMembers("Finance"), id)).isNotNull();
        assertThat(redis.zscore(StreamKeys.categoryMembers("Sports"), id)).isNull();
    }

    @Test
    void deletedUserIsGoneFromItsCategoriesAndAnnounced() {
        String id = createUser("Margaret", "\"Finance\", \"Movies\"", "\"email\"");
        long before = usersStreamLength();
        web.delete().uri("/api/v1/users/" + id).header("X-API-Key", "test-key").exchange().expectStatus().isNoContent();
        get("/api/v1/users/" + id).expectStatus().isNotFound();
        assertThat(redis.zscore(StreamKeys.categoryMembers("Finance"), id)).isNull();
        assertThat(redis.zscore(StreamKeys.categoryMembers("Movies"), id)).isNull();
        assertThat(usersStreamLength()).isEqualTo(before + 1);
        var last = redis.xrevrange(StreamKeys.USERS, Range.create("-", "+"), io.lettuce.core.Limit.create(0, 1)).get(0);
        assertThat(last.getBody().get("event")).isEqualTo(EventNames.USER_DELETED);
    }

    @Test
    void listingACategoryPagesThroughItsMembersInIdOrderWithACursor() {
        redis.sadd(StreamKeys.CATEGORIES, "Paging");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createUser("Pager" + i, "\"Paging\"", "\"email\""));
        }
        createUser("Outsider", "\"Finance\"", "\"email\"");
        JsonNode first = body(get("/api/v1/users?category=Paging&limit=2").expectStatus().isOk());
        assertThat(first.get("items").findValuesAsString("id")).containsExactly(ids.get(0), ids.get(1));
        JsonNode second = body(get("/api/v1/users?category=Paging&limit=2&cursor=" + first.get("nextCursor").asString()));
        assertThat(second.get("items").findValuesAsString("id")).containsExactly(ids.get(2), ids.get(3));
        JsonNode third = body(get("/api/v1/users?category=Paging&limit=2&cursor=" + second.get("nextCursor").asString()));
        assertThat(third.get("items").findValuesAsString("id")).containsExactly(ids.get(4));
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void listingAllUsersEndsWithANullCursor() {
        String id = createUser("Listed", "\"Movies\"", "\"email\"");
        List<String> seen = new java.util.ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 1000 && cursor != null; page++) {
            JsonNode body = body(get("/api/v1/users?limit=3&cursor=" + cursor).expectStatus().isOk());
            seen.addAll(body.get("items").findValuesAsString("id"));
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asString();
        }
        assertThat(cursor).isNull();
        assertThat(seen).contains(id).doesNotHaveDuplicates();
    }

    @Test
    void badListParametersAre400NamingTheParameter() {
        get("/api/v1/users?limit=0").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        get("/api/v1/users?cursor=abc").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        get("/api/v1/users?category=Knitting").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("category");
    }

    @Test
    void categoriesStartWithTheDefaultsAndCanBeAdded() {
        assertThat(body(get("/api/v1/categories").expectStatus().isOk()).toString())
                .contains("\"Finance\"", "\"Movies\"", "\"Sports\"");
        post("/api/v1/categories", "{\"name\": \"Weather\"}").expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("Weather");
        assertThat(redis.sismember(StreamKeys.CATEGORIES, "Weather")).isTrue();
        post("/api/v1/categories", "{\"name\": \"Weather\"}").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post("/api/v1/categories", "{\"name\": \"a,b{c}\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        createUser("Forecaster", "\"Weather\"", "\"email\"");
    }
}
