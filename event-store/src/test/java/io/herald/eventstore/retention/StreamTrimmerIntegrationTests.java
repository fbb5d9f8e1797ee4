package io.herald.eventstore.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.RedisConnections;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trimming rule (docs/design.md §9) on a real Redis: an entry leaves a stream only once every
 * consumer group of the stream has acknowledged it; one still pending in any group, or not yet
 * delivered to a group, stays.
 */
@RealRedis
class StreamTrimmerIntegrationTests {

    static final String STREAM = "notify:email";
    static final String OTHER = "notify:sms";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RedisConnections connections;
    private RedisClusterCommands<String, String> redis;
    private StreamTrimmer trimmer;
    private SimpleMeterRegistry registry;

    @BeforeEach
    void connect(TestRedis testRedis) {
        testRedis.flushAll();
        connections = RedisConnections.createFor(testRedis.url());
        redis = RedisConnections.sync(connections.dedicated());
        registry = new SimpleMeterRegistry();
        trimmer = new StreamTrimmer(connections.commands(),
                List.of(new TrimmedStreams(List.of(STREAM, OTHER), List.of("workers"))), Duration.ofHours(1), registry);
    }

    @AfterEach
    void close() {
        trimmer.close();
        connections.close();
    }

    @Test
    void anEntryPendingInAnyGroupIsNeverTrimmed() {
        group(STREAM, "workers");
        group(STREAM, "audit");
        List<String> ids = append(STREAM, 50);
        ack(STREAM, "workers", read(STREAM, "workers", 50));
        List<String> auditRead = read(STREAM, "audit", 30);

        assertThat(trim(STREAM)).as("30 pending in audit, 20 not yet read by it").isZero();
        assertThat(ids).allMatch(this::present);

        ack(STREAM, "audit", auditRead.subList(0, 20));
        assertThat(trim(STREAM)).as("the 20 both groups acknowledged").isEqualTo(20);
        assertThat(ids.subList(0, 20)).noneMatch(this::present);
        assertThat(ids.subList(20, 50)).allMatch(this::present);
    }

    @Test
    void anEntryNotYetDeliveredToAGroupIsNeverTrimmed() {
        group(STREAM, "workers");
        group(STREAM, "late");
        List<String> ids = append(STREAM, 40);
        ack(STREAM, "workers", read(STREAM, "workers", 40));

        assertThat(trim(STREAM)).as("group late has read nothing").isZero();

        ack(STREAM, "late", read(STREAM, "late", 25));
        assertThat(trim(STREAM)).isEqualTo(25);
        assertThat(ids.subList(25, 40)).as("never delivered to late").allMatch(this::present);
    }

    @Test
    void anAcknowledgedEntryStaysBehindAnOlderOneStillPending() {
        group(STREAM, "workers");
        List<String> ids = append(STREAM, 20);
        List<String> taken = read(STREAM, "workers", 20);
        ack(STREAM, "workers", taken.subList(5, 20));

        assertThat(trim(STREAM)).as("entries 0..4 pending, so nothing from them on goes").isZero();
        ack(STREAM, "workers", taken.subList(0, 5));
        assertThat(trim(STREAM)).isEqualTo(20);
        assertThat(redis.xlen(STREAM)).isZero();
        assertThat(ids).noneMatch(this::present);
    }

    @Test
    void aStreamIsLeftAloneUntilEveryGroupItNamesExists() {
        group(STREAM, "audit");
        append(STREAM, 10);
        ack(STREAM, "audit", read(STREAM, "audit", 10));

        assertThat(trim(STREAM)).as("group workers, named by the TrimmedStreams, does not exist yet").isZero();
        group(STREAM, "workers");
        ack(STREAM, "workers", read(STREAM, "workers", 10));
        assertThat(trim(STREAM)).isEqualTo(10);
    }

    @Test
    void aStreamWithoutGroupsOrWithoutEntriesIsLeftAlone() {
        append(STREAM, 10);
        assertThat(trim(STREAM)).isZero();
        assertThat(redis.xlen(STREAM)).isEqualTo(10);
        assertThat(trim("notify:push")).as("no such stream").isZero();
    }

    @Test
    void underRandomReadsAndAcknowledgementsNothingStillNeededIsEverTrimmed() {
        List<String> groups = List.of("workers", "audit", "mirror");
        groups.forEach(g -> group(OTHER, g));
        Random random = new Random(16);
        Map<String, Set<String>> acked = Map.of("workers", new HashSet<>(), "audit", new HashSet<>(), "mirror", new HashSet<>());
        Map<String, List<String>> pending = Map.of("workers", new ArrayList<>(), "audit", new ArrayList<>(), "mirror", new ArrayList<>());
        List<String> appended = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            appended.addAll(append(OTHER, 1 + random.nextInt(20)));
            for (String g : groups) {
                pending.get(g).addAll(read(OTHER, g, random.nextInt(15)));
                List<String> mine = pending.get(g);
                List<String> done = new ArrayList<>();
                for (String id : mine) {
                    if (random.nextInt(3) > 0) {
                        done.add(id);
                    }
                }
                ack(OTHER, g, done);
                mine.removeAll(done);
                acked.get(g).addAll(done);
            }
            trimmer.trim(OTHER).block(TIMEOUT);
            for (String id : appended) {
                boolean everyGroupAcked = groups.stream().allMatch(g -> acked.get(g).contains(id));
                if (!everyGroupAcked) {
                    assertThat(present(OTHER, id)).as("round %d: %s not acknowledged by every group", round, id).isTrue();
                }
            }
        }
        assertThat(redis.xlen(OTHER)).as("something was trimmed along the way").isLessThan(appended.size());
    }

    @Test
    void trimmingAllCountsWhatWasRemovedAndWhatIsStillHeld() {
        group(STREAM, "workers");
        group(OTHER, "workers");
        append(STREAM, 10);
        append(OTHER, 10);
        ack(STREAM, "workers", read(STREAM, "workers", 10));
        read(OTHER, "workers", 4);

        List<StreamTrimmer.Trimmed> pass = trimmer.trimAll().block(TIMEOUT);

        assertThat(pass).containsExactly(new StreamTrimmer.Trimmed(STREAM, 10, 0), new StreamTrimmer.Trimmed(OTHER, 0, 10));
        assertThat(trimmer.backlog()).isEqualTo(10);
        assertThat(registry.get("herald.retention.trimmed").tag("stream", STREAM).counter().count()).isEqualTo(10);
        assertThat(registry.get("herald.retention.backlog").gauge().value()).isEqualTo(10);
    }

    private void group(String stream, String group) {
        redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0"), group, XGroupCreateArgs.Builder.mkstream());
    }

    private List<String> append(String stream, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(redis.xadd(stream, Map.of("event", "test_event_happened", "data", "{\"n\":" + i + "}")));
        }
        return ids;
    }

    private List<String> read(String stream, String group, int count) {
        if (count == 0) {
            return List.of();
        }
        List<StreamMessage<String, String>> read = redis.xreadgroup(Consumer.from(group, group + "-1"),
                XReadArgs.Builder.count(count), XReadArgs.StreamOffset.lastConsumed(stream));
        return read == null ? List.of() : read.stream().map(StreamMessage::getId).toList();
    }

    private void ack(String stream, String group, List<String> ids) {
        if (!ids.isEmpty()) {
            redis.xack(stream, group, ids.toArray(String[]::new));
        }
    }

    private long trim(String stream) {
        return trimmer.trim(stream).block(TIMEOUT).removed();
    }

    private boolean present(String id) {
        return present(STREAM, id);
    }

    private boolean present(String stream, String id) {
        return !redis.xrange(stream, Range.create(id, id)).isEmpty();
    }
}
