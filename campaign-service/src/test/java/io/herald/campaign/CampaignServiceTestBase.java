package io.herald.campaign;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A campaign-service on a random port against a real Redis of its own, with the categories
 * Finance, Movies and Sports known, and helpers for the API. The tick is short so that tests
 * do not wait long for the completion checker.
 */
@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=test-key", "herald.campaign.tick=200ms"})
@AutoConfigureWebTestClient(timeout = "30s")
@DirtiesContext
public abstract class CampaignServiceTestBase {

    public static final String API_KEY = "test-key";

    @Autowired
    protected WebTestClient web;

    protected OtherServices others;

    @BeforeEach
    void connectOtherServices(TestRedis redis) {
        others = new OtherServices(redis.url());
        others.categories("Finance", "Movies", "Sports");
    }

    @AfterEach
    void disconnectOtherServices() {
        others.close();
    }

    /** POSTs a campaign; expects 202 and emits its id. */
    protected String create(Map<String, Object> body) {
        return (String) web.post().uri("/api/v1/campaigns").header("X-API-Key", API_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /** GETs a campaign; expects 200. */
    protected Map<String, Object> campaign(String id) {
        return web.get().uri("/api/v1/campaigns/" + id).header("X-API-Key", API_KEY).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    protected String status(String id) {
        return (String) campaign(id).get("status");
    }

    protected WebTestClient.ResponseSpec cancel(String id) {
        return web.delete().uri("/api/v1/campaigns/" + id).header("X-API-Key", API_KEY).exchange();
    }
}
