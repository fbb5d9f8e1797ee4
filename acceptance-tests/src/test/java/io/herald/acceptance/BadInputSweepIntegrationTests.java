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
 * Issue 10's bad-input sweep, with issue 20's cases (keys revoked, without the scope, in the URL,
 * overlong; matrix parameters, encoded slashes, control characters in names): well over 100
 * malformed or hostile requests across every endpoint of the four services, each answered with a 4xx problem+json (never a 5xx, never a stack
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
    static String readOnlyKey;
    static String revokedKey;
    static final Api api = new Api();

    @BeforeAll
    static void startHeraldAndTakeTheKeyspaceDigest() {
        stack = HeraldStack.start(RealRedisExtension.current().url(), smtp.getSmtp().getPort(),
                Map.of("HERALD_USERS_SEED_COUNT", "20"), "sweep");
        client = RedisClient.create(RealRedisExtension.current().url());
        redis = client.connect();
        readOnlyKey = createKey("sweep-reader");
        String doomed = createKey("sweep-revoked");
        revokedKey = doomed.substring(doomed.indexOf(' ') + 1);
        Api.Response revoked = api.call("DELETE", stack.url(HeraldStack.Service.CAMPAIGN,
                "/api/v1/keys/" + doomed.substring(0, doomed.indexOf(' '))), null);
        assertThat(revoked.status()).isEqualTo(204);
        readOnlyKey = readOnlyKey.substring(readOnlyKey.indexOf(' ') + 1);
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

    /** A read-only key: {@code "<id> <secret>"}. */
    private static String createKey(String name) {
        Api.Response created = api.call("POST", stack.url(HeraldStack.Service.CAMPAIGN, "/api/v1/keys"),
                "{\"name\":\"" + name + "\",\"scopes\":[\"read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString() + " " + created.json().path("secret").asString();
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
        List<HostileRequests.Probe> probes = HostileRequests.all(readOnlyKey, revokedKey);
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
