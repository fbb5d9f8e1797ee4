package io.herald.acceptance;

import static io.herald.acceptance.HeraldStack.Service.CAMPAIGN;
import static io.herald.acceptance.HeraldStack.Service.NOTIFICATION;
import static io.herald.acceptance.HeraldStack.Service.USER;
import static io.herald.acceptance.HeraldStack.Service.WORKERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.RealRedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20's least privilege, end to end: the four services connect to Redis as their own ACL
 * users (made from {@code infra/redis/acl-rules.conf} as start.sh makes them), each user is
 * refused what it must not do, a campaign to seeded users, a transactional notification and the
 * queue API all work with those rights through a scoped API key, and no service log holds any
 * seeded e-mail address or phone number.
 */
@RealRedis
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeastPrivilegeIntegrationTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    static HeraldStack stack;
    static AclUsers users;
    static RedisClient client;
    static StatefulRedisConnection<String, String> admin;
    static final Api api = new Api();

    @BeforeAll
    static void startHeraldAsAclUsers() {
        client = RedisClient.create(RealRedisExtension.current().url());
        admin = client.connect();
        users = AclUsers.create(admin.sync());
        stack = HeraldStack.start(RealRedisExtension.current().url(), smtp.getSmtp().getPort(),
                Map.of("HERALD_USERS_SEED_COUNT", "300",
                        // retention at work within the test: trimming and expiry need their rights too
                        "HERALD_RETENTION_AFTERCOMPLETION", "2s", "HERALD_RETENTION_INTERVAL", "1s"),
                users.environment(), "acl");
    }

    @AfterAll
    static void stopHerald() {
        if (stack != null) {
            stack.close();
        }
        if (admin != null) {
            admin.close();
            client.shutdown();
        }
    }

    @Test
    @Order(1)
    void everyServiceUserIsRefusedWhatItMustNotDo() {
        for (HeraldStack.Service service : HeraldStack.Service.values()) {
            as(service, redis -> {
                assertThat(redis.ping()).isEqualTo("PONG");
                assertThat(redis.info("server")).contains("redis_version");
                denied(() -> redis.flushall());
                denied(() -> redis.configGet("maxmemory"));
                denied(() -> redis.keys("*"));
                denied(() -> redis.scan());
                denied(() -> redis.flushdb());
                if (service != CAMPAIGN) { // the key admin API's service is the only writer of API keys
                    denied(() -> redis.hset("{api-keys}:secret:forged", "scopes", "admin"));
                }
            });
        }
        as(WORKERS, redis -> { // reads user:* for the send-time preference check, never writes it
            denied(() -> redis.hset("user:1", "channels", "sms"));
            denied(() -> redis.hgetall("category:Finance:members"));
            denied(() -> redis.xadd("campaigns", Map.of("event", "forged")));
            denied(() -> redis.xrange("audiences", io.lettuce.core.Range.create("-", "+")));
        });
        as(NOTIFICATION, redis -> {
            denied(() -> redis.xadd("audiences", Map.of("event", "forged")));
            denied(() -> redis.hset("user:1", "email", "forged@example.com"));
            denied(() -> redis.xadd("campaigns", Map.of("event", "forged")));
        });
        as(USER, redis -> { // consumes campaigns: may read and acknowledge, not append or delete
            denied(() -> redis.xadd("campaigns", Map.of("event", "forged")));
            denied(() -> redis.del("campaigns"));
            denied(() -> redis.xtrim("campaigns", 0));
            denied(() -> redis.eval("return redis.call('XADD', KEYS[1], '*', 'event', 'forged')",
                    io.lettuce.core.ScriptOutputType.VALUE, "campaigns"));
            redis.xrange("campaigns", io.lettuce.core.Range.create("-", "+"));
            denied(() -> redis.xadd("notify:email", Map.of("event", "forged")));
            denied(() -> redis.hgetall("campaign:x"));
        });
        as(CAMPAIGN, redis -> { // may let a campaign's records expire, never change them
            denied(() -> redis.hset("delivered:{notify:email}:c-1", "c-1:1:email", "forged"));
            denied(() -> redis.del("progress:{notify:email}:c-1"));
            denied(() -> redis.sadd("rendered-batches:{notify:email}:c-1", "0"));
            denied(() -> redis.xadd("audiences", Map.of("event", "forged")));
            denied(() -> redis.hgetall("user:1"));
            denied(() -> redis.xadd("notify:email", Map.of("event", "forged")));
        });
    }

    @Test
    @Order(2)
    void aCampaignATransactionalNotificationAndTheQueueWorkWithLeastPrivilege() {
        Api.Response created = api.call("POST", stack.url(CAMPAIGN, "/api/v1/keys"),
                "{\"name\":\"acceptance-sender\",\"scopes\":[\"campaigns:write\",\"read\",\"queue\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, String> key = Map.of("X-API-Key", created.json().path("secret").asString());

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> admin.sync().hlen("user:300") > 0);
        Api.Response campaign = api.send("POST", stack.url(CAMPAIGN, "/api/v1/campaigns"),
                "{\"name\":\"Least privilege\",\"category\":\"Finance\",\"subject\":\"Hi {{name}}\",\"message\":\"Hello {{name}}\"}", key);
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(202);
        String id = campaign.json().path("id").asString();
        JsonNode done = awaitCompleted(id, key);
        long delivered = 0;
        for (String channel : List.of("email", "sms", "push")) {
            JsonNode progress = done.path("progress").path(channel);
            assertThat(progress.path("delivered").asLong()).isEqualTo(progress.path("targeted").asLong());
            delivered += progress.path("delivered").asLong();
        }
        assertThat(delivered).isPositive();
        // retention with least privilege: channel-workers and user-service trim the streams they own,
        // campaign-service expires the campaign's records, the final counters stay
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(admin.sync().exists("delivered:{notify:email}:" + id, "rendered:" + id)).isZero();
            assertThat(admin.sync().xlen("notify:email")).isZero();
            assertThat(admin.sync().xlen("audiences")).isZero();
        });
        assertThat(api.send("GET", stack.url(CAMPAIGN, "/api/v1/campaigns/" + id), null, key).json()
                .path("progress").path("email").path("delivered").asLong())
                .isEqualTo(done.path("progress").path("email").path("delivered").asLong());

        Api.Response sent = api.send("POST", stack.url(NOTIFICATION, "/api/v1/notifications"),
                "{\"userId\":\"7\",\"subject\":\"Your code\",\"message\":\"1234\"}", key);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);

        assertThat(api.send("POST", stack.url(WORKERS, "/api/v1/queues/jobs/messages"), "{\"n\":1}", key).status())
                .isEqualTo(201);
        Api.Response fetched = api.send("POST", stack.url(WORKERS, "/api/v1/queues/jobs/fetch?max=1"), null, key);
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.json().size()).isEqualTo(1);
        String receipt = fetched.json().get(0).path("receipt").asString();
        assertThat(api.send("POST", stack.url(WORKERS, "/api/v1/queues/jobs/acknowledge/" + receipt), null, key).status())
                .isEqualTo(204);
        assertThat(api.send("GET", stack.url(WORKERS, "/api/v1/channels"), null, key).status()).isEqualTo(200);
        assertThat(api.send("GET", stack.url(USER, "/api/v1/users/7"), null, key).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void noServiceLogHoldsASeededAddressOrNumberOrAPermissionError() throws Exception {
        List<String> personal = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            Map<String, String> user = admin.sync().hgetall("user:" + i);
            for (String field : List.of("email", "phone", "deviceToken")) {
                String value = user.get(field);
                if (value != null && !value.isEmpty()) {
                    personal.add(value);
                }
            }
        }
        assertThat(personal).hasSizeGreaterThan(100);
        for (HeraldStack.Service service : HeraldStack.Service.values()) {
            String log = Files.readString(stack.log(service));
            // a command refused outright says NOPERM; one refused inside a script, "… the script can't …"
            assertThat(log).as(service.module).doesNotContain("NOPERM").doesNotContain("user executing the script can't")
                    .doesNotContain("no permissions");
            for (String value : personal) {
                assertThat(log).as(service.module + " log holds personal data").doesNotContain(value);
            }
        }
        String workers = Files.readString(stack.log(WORKERS));
        assertThat(workers).containsPattern("herald\\.delivery\\.sms.*notificationId=\\S+ to=\\+\\d\\d\\*+\\d{3} ");
    }

    private static JsonNode awaitCompleted(String id, Map<String, String> key) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.Response response = api.send("GET", stack.url(CAMPAIGN, "/api/v1/campaigns/" + id), null, key);
            assertThat(response.status()).isEqualTo(200);
            last[0] = response.json();
            assertThat(last[0].path("status").asString()).isEqualTo("COMPLETED");
        });
        return last[0];
    }

    private static void as(HeraldStack.Service service, Consumer<RedisCommands<String, String>> work) {
        RedisURI uri = RedisURI.create(RealRedisExtension.current().url());
        uri.setUsername(AclUsers.NAMES.get(service));
        uri.setPassword(users.password(service).toCharArray());
        try (RedisClient own = RedisClient.create(uri); StatefulRedisConnection<String, String> connection = own.connect()) {
            work.accept(connection.sync());
        }
    }

    private static void denied(Runnable command) {
        // refused outright: NOPERM; refused inside a script: "ERR The user executing the script can't …"
        assertThatThrownBy(command::run).hasMessageMatching("(?s).*(NOPERM|user executing the script can't).*");
    }
}
