package io.herald.user.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.herald.testsupport.RealRedis;
import io.herald.user.SeededRedis;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The write path's steps one by one (append, apply, converge), as a crash between them leaves
 * them: the {@code users} consumer finishes what a writer started, and late or repeated events
 * change nothing.
 */
@RealRedis
@SpringBootTest(properties = "herald.api-key=test-key")
@DirtiesContext
class UserProjectionIntegrationTests {

    @Autowired
    UserChanges changes;

    @Autowired
    UserRepository users;

    @Autowired
    EventCodec codec;

    @Autowired
    RedisConnections connections;

    RedisClusterCommands<String, String> redis;

    @BeforeEach
    void connectAndAwaitDefaultCategories() {
        redis = SeededRedis.await(connections, redis);
    }

    private User newUser(List<String> categories) {
        return users.create("Grace", "grace@example.com", null, null, categories, List.of("email")).block();
    }

    private boolean member(String category, String id) {
        return redis.zscore(StreamKeys.categoryMembers(category), id) != null;
    }

    @Test
    void aChangeWhoseWriterCrashedAfterAppendingIsFinishedByTheUsersConsumer() {
        User user = newUser(List.of("Finance"));
        UserRepository.Stored stored = users.findStored(user.id()).block();
        User moved = user.withPreferences(List.of("Movies"), List.of("email"), Instant.now());

        // only step 1, as a writer that died right after the append would leave it
        changes.append(user.id(), stored.version(), codec.envelope(EventNames.USER_UPDATED, moved)).block();

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(redis.hget(StreamKeys.user(user.id()), UserHash.CATEGORIES)).isEqualTo("Movies");
            assertThat(member("Movies", user.id())).isTrue();
            assertThat(member("Finance", user.id())).isFalse();
        });
    }

    @Test
    void aWriteNamingAnOutdatedVersionIsRefusedAndAppendsNothing() {
        User user = newUser(List.of("Sports"));
        UserRepository.Stored stored = users.findStored(user.id()).block();
        User first = user.withPreferences(List.of("Movies"), List.of("email"), Instant.now());
        assertThat(users.updatePreferences(stored, first).block()).isEqualTo(UserRepository.Write.DONE);
        long length = redis.xlen(StreamKeys.USERS);

        User second = user.withPreferences(List.of("Finance"), List.of("email"), Instant.now());
        assertThat(users.updatePreferences(stored, second).block()).isEqualTo(UserRepository.Write.CHANGED);

        assertThat(redis.xlen(StreamKeys.USERS)).isEqualTo(length);
        assertThat(users.find(user.id()).block().categories()).containsExactly("Movies");
    }

    @Test
    void anOlderEventAppliedLateChangesNothing() {
        User user = newUser(List.of("Finance"));
        String createdVersion = users.findStored(user.id()).block().version();
        User moved = user.withPreferences(List.of("Sports"), List.of("email"), Instant.now());
        users.updatePreferences(users.findStored(user.id()).block(), moved).block();

        changes.apply(user.id(), createdVersion, user.toHash()).then(changes.converge(user.id())).block();

        assertThat(users.find(user.id()).block().categories()).containsExactly("Sports");
        assertThat(member("Sports", user.id())).isTrue();
        assertThat(member("Finance", user.id())).isFalse();
    }

    @Test
    void aDeletedUserIsNotBroughtBackByItsCreationAppliedAgain() {
        User user = newUser(List.of("Movies"));
        String createdVersion = users.findStored(user.id()).block().version();
        users.delete(users.findStored(user.id()).block()).block();

        changes.apply(user.id(), createdVersion, user.toHash()).then(changes.converge(user.id())).block();

        assertThat(redis.exists(StreamKeys.user(user.id()))).isZero();
        assertThat(member("Movies", user.id())).isFalse();
    }

    @Test
    void indexesOutOfStepWithTheHashAreRepairedByConverging() {
        User user = newUser(List.of("Finance"));
        redis.zrem(StreamKeys.categoryMembers("Finance"), user.id());
        redis.zadd(StreamKeys.categoryMembers("Sports"), Double.parseDouble(user.id()), user.id());

        changes.converge(user.id()).block();

        assertThat(member("Finance", user.id())).isTrue();
        assertThat(member("Sports", user.id())).isFalse();
    }
}
