package io.herald.campaign.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.campaign.CampaignKeys;
import io.herald.campaign.CampaignServiceApplication;
import io.herald.campaign.OtherServices;
import io.herald.eventstore.EventNames;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Instances of campaign-service started by hand, so that two run at once against one Redis. */
@RealRedis
class ScheduleReleaseIntegrationTests {

    final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    OtherServices others;
    String redisUrl;

    @BeforeEach
    void setUp(TestRedis redis) {
        redisUrl = redis.url();
        others = new OtherServices(redisUrl);
        others.categories("Finance");
    }

    @AfterEach
    void tearDown() {
        instances.forEach(ConfigurableApplicationContext::close);
        others.close();
    }

    ConfigurableApplicationContext start(String name) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CampaignServiceApplication.class)
                .run("--server.port=0", "--spring.data.redis.url=" + redisUrl, "--herald.api-key=test-key",
                        "--herald.instance-id=" + name);
        instances.add(context);
        return context;
    }

    static WebTestClient client(ConfigurableApplicationContext context) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + context.getEnvironment().getProperty("local.server.port"))
                .defaultHeader("X-API-Key", "test-key")
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    static String schedule(WebTestClient client, Instant at) {
        Map<?, ?> campaign = client.post().uri("/api/v1/campaigns").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "later", "category", "Finance", "subject", "s", "message", "m",
                        "scheduledAt", at.toString()))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(campaign.get("status")).isEqualTo("SCHEDULED");
        assertThat(campaign.get("scheduledAt")).isNotNull();
        return (String) campaign.get("id");
    }

    static String status(WebTestClient client, String id) {
        return (String) client.get().uri("/api/v1/campaigns/" + id).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    @Test
    void scheduleSurvivesARestartAndIsReleasedExactlyOnceByTwoInstances() {
        ConfigurableApplicationContext first = start("first");
        String madeBeforeRestart = schedule(client(first), Instant.now().plusSeconds(8));
        first.close();

        WebTestClient a = client(start("a"));
        WebTestClient b = client(start("b"));
        Instant due = Instant.now().plusSeconds(2);
        String madeWhileBothRun = schedule(a, due);
        assertThat(others.campaignEvents(EventNames.CAMPAIGN_SCHEDULED, madeWhileBothRun)).hasSize(1);
        assertThat(others.campaignEvents(EventNames.CAMPAIGN_CREATED, madeWhileBothRun)).isEmpty();

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            assertThat(status(b, madeWhileBothRun)).isEqualTo("ACCEPTED");
            assertThat(status(a, madeBeforeRestart)).isEqualTo("ACCEPTED");
        });
        assertThat(Instant.now()).isAfterOrEqualTo(due);
        // both instances go on looking at the schedule: still one created event each
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(others.campaignEvents(EventNames.CAMPAIGN_CREATED, madeWhileBothRun)).hasSize(1);
            assertThat(others.campaignEvents(EventNames.CAMPAIGN_CREATED, madeBeforeRestart)).hasSize(1);
        });
        assertThat(others.redis().zcard(CampaignKeys.campaignSchedule())).isZero();
        assertThat(others.redis().smembers(CampaignKeys.activeCampaigns())).contains(madeWhileBothRun, madeBeforeRestart);
    }
}
