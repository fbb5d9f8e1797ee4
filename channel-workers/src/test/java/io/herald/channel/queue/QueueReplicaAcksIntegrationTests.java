package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The queue API with {@code herald.redis.replica-acks=1} on a Redis with one real replica: a publish
 * is answered 201 only once the replica holds it, and 503 problem+json while the replica is away.
 */
@ExtendWith(QueueReplicaAcksIntegrationTests.MasterWithReplica.class)
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {"herald.api-key=test-key", "herald.redis.replica-acks=1",
        "herald.redis.replica-acks-timeout=300ms"})
@AutoConfigureWebTestClient
@DirtiesContext
class QueueReplicaAcksIntegrationTests {

    static RedisServerProcess master;
    static RedisServerProcess replica;

    @Autowired
    WebTestClient web;

    QueueClient queues;
    RedisClient client;
    StatefulRedisConnection<String, String> onMaster;
    StatefulRedisConnection<String, String> onReplica;

    @BeforeEach
    void connect() {
        queues = new QueueClient(web);
        client = RedisClient.create();
        onMaster = client.connect(RedisURI.create(master.url()));
        onReplica = client.connect(RedisURI.create(replica.url()));
    }

    @AfterEach
    void disconnect() {
        onMaster.close();
        onReplica.close();
        client.shutdown();
    }

    @Test
    void aPublishIsAnsweredOnceTheReplicaHoldsItAndIs503WhileTheReplicaIsAway() {
        String first = queues.publish("orders", "{\"n\":1}");
        assertThat(onReplica.sync().xlen(StreamKeys.queue("orders"))).as("on the replica when answered").isEqualTo(1);
        assertThat(first).isNotBlank();

        replica.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !replicaOnline());
        queues.publishRaw("orders", "{\"n\":2}").expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        replica.start();
        await().atMost(Duration.ofSeconds(30)).until(this::replicaOnline);
        queues.publish("orders", "{\"n\":3}");
        assertThat(onReplica.sync().xlen(StreamKeys.queue("orders")))
                .as("the 503 message was written but not confirmed; the replica has all that the master has")
                .isEqualTo(3);
    }

    private boolean replicaOnline() {
        return onMaster.sync().info("replication").contains(",state=online,");
    }

    /** A master with one replica, started before the application context and stopped after it. */
    static final class MasterWithReplica implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            var binary = RedisServerProcess.findBinary().orElseThrow(() -> new IllegalStateException("no redis-server"));
            master = RedisServerProcess.startOnFreePort(binary);
            replica = RedisServerProcess.startReplicaOf(binary, master);
            RedisClient admin = RedisClient.create(master.url());
            try (StatefulRedisConnection<String, String> connection = admin.connect()) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> connection.sync().info("replication").contains(",state=online,"));
            } finally {
                admin.shutdown();
            }
            System.setProperty("spring.data.redis.url", master.url());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            System.clearProperty("spring.data.redis.url");
            replica.close();
            master.close();
        }
    }
}
