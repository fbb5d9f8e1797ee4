package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RealRedis
class EventStoreTrimIntegrationTests {

    private static final String STREAM = "notify:email";
    private static final String GROUP = "channel-workers";
    private static final long CAP = 10;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;
    private RedisCommands<String, String> redis;
    private EventStore store;

    @BeforeEach
    void setUp(TestRedis testRedis) {
        testRedis.flushAll();
        client = RedisClient.create(testRedis.url());
        connection = client.connect();
        redis = connection.sync();
        store = new EventStore(connection.reactive(), Map.of(STREAM, CAP));
    }

    @AfterEach
    void tearDown() {
        connection.close();
        client.shutdown();
    }

    @Test
    void trimmingKeepsEveryUnacknowledgedAndUnreadEntryAndRemovesAcknowledgedOnes() {
        redis.xgroupCreate(XReadArgs.StreamOffset.from(STREAM, "0"), GROUP, io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
        List<String> ids = append(50);
        List<String> read = readAsGroup(30);
        assertThat(read).isEqualTo(ids.subList(0, 30));

        assertThat(trim()).as("30 pending, 20 unread: nothing may go").isZero();
        assertThat(redis.xlen(STREAM)).isEqualTo(50);

        redis.xack(STREAM, GROUP, ids.subList(0, 20).toArray(String[]::new));
        assertThat(trim()).as("the 20 acknowledged entries go").isEqualTo(20);
        assertThat(firstId()).isEqualTo(ids.get(20));

        redis.xack(STREAM, GROUP, ids.subList(20, 30).toArray(String[]::new));
        assertThat(trim()).as("all read entries acknowledged; the 20 unread stay").isEqualTo(10);
        assertThat(redis.xlen(STREAM)).isEqualTo(20);

        redis.xack(STREAM, GROUP, readAsGroup(100).toArray(String[]::new));
        assertThat(trim()).as("everything acknowledged: down to the cap").isEqualTo(10);
        assertThat(redis.xlen(STREAM)).isEqualTo(CAP);
        assertThat(firstId()).isEqualTo(ids.get(40));
    }

    @Test
    void aGroupThatHasReadNothingKeepsTheWholeStream() {
        redis.xgroupCreate(XReadArgs.StreamOffset.from(STREAM, "0"), GROUP, io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
        redis.xgroupCreate(XReadArgs.StreamOffset.from(STREAM, "0"), "late-group");
        List<String> ids = append(30);
        redis.xack(STREAM, GROUP, readAsGroup(30).toArray(String[]::new));

        assertThat(trim()).isZero();
        assertThat(redis.xlen(STREAM)).isEqualTo(ids.size());
    }

    @Test
    void appendingPastTheCapTrimsAcknowledgedEntriesByItself() {
        redis.xgroupCreate(XReadArgs.StreamOffset.from(STREAM, "0"), GROUP, io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
        append(50);
        redis.xack(STREAM, GROUP, readAsGroup(50).toArray(String[]::new));

        append(5);

        assertThat(redis.xlen(STREAM)).as("appendAll trimmed toward the cap").isEqualTo(CAP);
    }

    private List<String> append(int count) {
        List<EventEnvelope> events = IntStream.range(0, count)
                .mapToObj(i -> EventEnvelope.of("test_event_happened", "{\"n\":" + i + "}"))
                .toList();
        return store.appendAll(STREAM, events).block(TIMEOUT);
    }

    private List<String> readAsGroup(int count) {
        return redis.xreadgroup(Consumer.from(GROUP, "worker-1"), XReadArgs.Builder.count(count),
                        XReadArgs.StreamOffset.lastConsumed(STREAM))
                .stream().map(StreamMessage::getId).toList();
    }

    private long trim() {
        return store.trim(STREAM).block(TIMEOUT);
    }

    private String firstId() {
        return redis.xrange(STREAM, Range.unbounded(), io.lettuce.core.Limit.create(0, 1)).get(0).getId();
    }
}
