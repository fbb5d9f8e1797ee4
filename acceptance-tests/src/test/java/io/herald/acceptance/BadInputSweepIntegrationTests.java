package io.herald.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.RealRedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10's bad-input sweep: well over 100 malformed or hostile requests across every endpoint
 * of the four services, each answered with a 4xx problem+json (never a 5xx, never a stack
 * trace), and Redis holding exactly what it held before.
 */
@RealRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputSweepIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    static HeraldStack stack;
    static RedisClient client;
    static StatefulRedisConnection<String, String> redis;
    static Map<String, String> before;
    static final Api api = new Api();

    @BeforeAll
    static void startHeraldAndTakeTheKeyspaceDigest() {
        stack = HeraldStack.start(RealRedisExtension.current().url(), smtp.getSmtp().getPort(),
                Map.of("HERALD_USERS_SEED_COUNT", "20"), "sweep");
        client = RedisClient.create(RealRedisExtension.current().url());
        redis = client.connect();
        // seeding runs after readiness: wait until the digest is stable before the sweep
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, String> now = KeyspaceDigest.of(redis.sync());
                    boolean stable = now.equals(before);
                    before = now;
                    return stable;
                });
    }

    @AfterAll
    static void stopHerald() {
        if (redis != null) {
            redis.close();
            client.shutdown();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyHostileRequestGetsA4xxProblem() {
        List<HostileRequests.Probe> probes = HostileRequests.all();
        assertThat(probes).hasSizeGreaterThanOrEqualTo(100);
        return probes.stream().map(probe -> DynamicTest.dynamicTest(probe.toString(), () -> {
            Api.Response response = api.send(probe.method(), stack.url(probe.service(), probe.path()),
                    probe.body(), probe.headers());
            assertThat(response.status()).as("status of %s: %s", probe, response.body()).isBetween(400, 499);
            assertThat(response.contentType()).as("content type of %s", probe).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("status").asInt()).isEqualTo(response.status());
            assertThat(problem.path("title").asString()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("io.herald.");
        }));
    }

    @Test
    @Order(2)
    void redisHoldsExactlyWhatItHeldBefore() {
        assertThat(KeyspaceDigest.of(redis.sync())).isEqualTo(before);
    }
}
