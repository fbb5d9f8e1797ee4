package io.herald.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.bench.e2e.ChannelLedger;
import io.herald.bench.e2e.RedisAccess;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.Consumer;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drills' verdicts read Redis: counters, outcome records and pending entries, checked here on a real server. */
class BooksIntegrationTests {

    private static final String STREAM = StreamKeys.notify("sms");
    private static RedisServerProcess redis;
    private static RedisAccess access;

    @BeforeAll
    static void startRedis(@TempDir Path dir) {
        redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary(), dir, java.util.List.of());
        access = new RedisAccess(redis.url());
    }

    @AfterAll
    static void stopRedis() {
        access.close();
        redis.close();
    }

    @BeforeEach
    void empty() {
        access.sync().flushall();
    }

    @Test
    void aCampaignWhoseCountersMatchItsRecordsIsComplete() {
        record("c1", "c1:u1:sms", "DELIVERED", "2026-11-25T21:00:00.100Z");
        record("c1", "c1:u2:sms", "FAILED", "2026-11-25T21:00:00.200Z");
        access.sync().hset(StreamKeys.progress(STREAM, "c1"), java.util.Map.of("targeted", "2", "delivered", "1", "failed", "1"));
        ChannelLedger ledger = ChannelLedger.read(access, STREAM, "c1");
        assertThat(ledger.complete()).isTrue();
        assertThat(ledger.recordsByStatus()).containsEntry("DELIVERED", 1L).containsEntry("FAILED", 1L);
        assertThat(ledger.deliveredAtMillis()).containsExactly(java.time.Instant.parse("2026-11-25T21:00:00.100Z").toEpochMilli());
    }

    @Test
    void aNotificationCountedTwiceOrNotSettledMakesTheCampaignIncomplete() {
        record("c2", "c2:u1:sms", "DELIVERED", "2026-11-25T21:00:00.100Z");
        access.sync().hset(StreamKeys.progress(STREAM, "c2"), java.util.Map.of("targeted", "2", "delivered", "2"));
        assertThat(ChannelLedger.read(access, STREAM, "c2").complete()).as("counted twice, one record").isFalse();
        access.sync().hset(StreamKeys.progress(STREAM, "c2"), "delivered", "1");
        assertThat(ChannelLedger.read(access, STREAM, "c2").complete()).as("one of two settled").isFalse();
    }

    @Test
    void recordsAreReadBeyondOneScanPage() {
        java.util.Map<String, String> records = new java.util.HashMap<>();
        for (int i = 0; i < 5000; i++) {
            records.put("c3:u" + i + ":sms", "{\"status\":\"DELIVERED\",\"at\":\"2026-11-25T21:00:01Z\"}");
        }
        access.sync().hset(StreamKeys.delivered(STREAM, "c3"), records);
        access.sync().hset(StreamKeys.progress(STREAM, "c3"), java.util.Map.of("targeted", "5000", "delivered", "5000"));
        ChannelLedger ledger = ChannelLedger.read(access, STREAM, "c3");
        assertThat(ledger.records()).isEqualTo(5000);
        assertThat(ledger.deliveredAtMillis()).hasSize(5000);
        assertThat(ledger.complete()).isTrue();
    }

    @Test
    void inFlightWorkIsThePendingEntriesOfOneProcesssConsumersOnly() {
        access.sync().xgroupCreate(XReadArgs.StreamOffset.from(STREAM, "0"), Consumers.WORKERS_GROUP,
                XGroupCreateArgs.Builder.mkstream());
        for (int i = 0; i < 10; i++) {
            access.sync().xadd(STREAM, "event", "e", "data", "{}");
        }
        access.sync().xreadgroup(Consumer.from(Consumers.WORKERS_GROUP, "channel-workers-1-notify:sms-0"),
                XReadArgs.Builder.count(3), XReadArgs.StreamOffset.lastConsumed(STREAM));
        access.sync().xreadgroup(Consumer.from(Consumers.WORKERS_GROUP, "channel-workers-2-notify:sms-0"),
                XReadArgs.Builder.count(4), XReadArgs.StreamOffset.lastConsumed(STREAM));
        assertThat(Consumers.pending(access, java.util.List.of("sms", "push"), "channel-workers-1")).isEqualTo(3);
        assertThat(Consumers.pending(access, java.util.List.of("sms"), "channel-workers-2")).isEqualTo(4);
    }

    private static void record(String campaign, String notificationId, String status, String at) {
        access.sync().hset(StreamKeys.delivered(STREAM, campaign), notificationId,
                "{\"status\":\"" + status + "\",\"attempts\":1,\"at\":\"" + at + "\",\"error\":null}");
    }
}
