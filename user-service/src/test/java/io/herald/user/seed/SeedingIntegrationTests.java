package io.herald.user.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import io.herald.user.users.User;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.api-key=test-key", "herald.users.seed-count=3000", "herald.users.seed-batch-size=700"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedingIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    UserSeeder seeder;

    @Autowired
    RedisConnections connections;

    RedisClusterCommands<String, String> redis;

    @BeforeEach
    void awaitStartUpSeeding() {
        if (redis == null) {
            redis = RedisConnections.sync(connections.dedicated());
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> seeder.status().done());
    }

    private long storedUsers() {
        long count = 0;
        long highest = Long.parseLong(redis.get(StreamKeys.USER_IDS));
        for (long id = 1; id <= highest; id++) {
            count += redis.exists(StreamKeys.user(Long.toString(id)));
        }
        return count;
    }

    @Test
    void startUpSeedsTheConfiguredNumberOfUsersAndReportsItInHealth() {
        assertThat(redis.get(StreamKeys.USERS_SEEDED)).isEqualTo("3000");
        assertThat(storedUsers()).isEqualTo(3000);
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.components.seeding.status").isEqualTo("UP")
                .jsonPath("$.components.seeding.details.state").isEqualTo("DONE")
                .jsonPath("$.components.seeding.details.seeded").isEqualTo(3000)
                .jsonPath("$.components.seeding.details.target").isEqualTo(3000);
    }

    @Test
    void everySeededUserIsInExactlyTheCategoriesItNamesWithContactsForItsChannels() {
        long memberships = 0;
        long users = 0;
        // ids are not always dense: an attempt that timed out and was resumed leaves a gap
        long highest = Long.parseLong(redis.get(StreamKeys.USER_IDS));
        for (long id = 1; id <= highest; id++) {
            String key = Long.toString(id);
            Map<String, String> hash = redis.hgetall(StreamKeys.user(key));
            User user = User.fromHash(key, hash);
            if (user == null) {
                continue;
            }
            users++;
            assertThat(user.categories()).hasSizeBetween(1, 3);
            assertThat(user.channels()).hasSizeBetween(1, 3);
            for (String category : user.categories()) {
                assertThat(redis.zscore(StreamKeys.categoryMembers(category), key)).isEqualTo((double) id);
            }
            assertThat(user.email()).isNotNull();
            assertThat(user.phone() != null).isEqualTo(user.channels().contains("sms"));
            assertThat(user.deviceToken() != null).isEqualTo(user.channels().contains("push"));
            memberships += user.categories().size();
        }
        long indexed = 0;
        for (String category : List.of("Finance", "Movies", "Sports")) {
            indexed += redis.zcard(StreamKeys.categoryMembers(category));
        }
        assertThat(users).isEqualTo(3000);
        assertThat(indexed).isEqualTo(memberships);
    }

    @Test
    void seedingAgainAddsNobody() {
        long streamBefore = redis.xlen(StreamKeys.USERS);
        assertThat(seeder.seed(3000).block(Duration.ofSeconds(30)).added()).isZero();
        assertThat(redis.get(StreamKeys.USERS_SEEDED)).isEqualTo("3000");
        assertThat(storedUsers()).isEqualTo(3000);
        assertThat(redis.xlen(StreamKeys.USERS)).isEqualTo(streamBefore);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aLargerTargetAddsOnlyTheMissingUsers() {
        long before = Long.parseLong(redis.get(StreamKeys.USERS_SEEDED));
        assertThat(seeder.seed(before + 450).block(Duration.ofSeconds(60)).added()).isEqualTo(450);
        assertThat(redis.get(StreamKeys.USERS_SEEDED)).isEqualTo(Long.toString(before + 450));
        assertThat(storedUsers()).isEqualTo(before + 450);
    }
}
