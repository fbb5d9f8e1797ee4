package io.herald.channel.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.channel.ChannelKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** Looks into the test's Redis to see what the queue API did there. Close it after the test. */
final class RedisProbe implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    RedisProbe(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    RedisCommands<String, String> redis() {
        return connection.sync();
    }

    /** Lua script runs (EVAL and EVALSHA) so far: every queue operation is one. */
    long scriptCalls() {
        String stats = redis().info("commandstats");
        return calls(stats, "cmdstat_evalsha:") + calls(stats, "cmdstat_eval:");
    }

    /**
     * Waits until a long poll on {@code queue} is under way: some instance listens to the
     * queue's wake-ups and has run the poll's first (empty) fetch since {@code scriptsBefore}.
     */
    void awaitLongPoll(String queue, long scriptsBefore) {
        String channel = ChannelKeys.queueSignal(queue);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() ->
                redis().pubsubNumsub(channel).getOrDefault(channel, 0L) > 0 && scriptCalls() > scriptsBefore);
    }

    /** Waits, by Redis's clock, until every lease of the queue has run out. */
    void awaitLeasesExpired(String queue) {
        var deadlines = redis().zrangeWithScores(ChannelKeys.queueDeadlines(queue), -1, -1);
        assertThat(deadlines).isNotEmpty();
        long latest = (long) deadlines.get(0).getScore();
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<String> time = redis().time();
            return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000 > latest;
        });
    }

    private static long calls(String stats, String command) {
        int at = stats.indexOf(command);
        if (at < 0) {
            return 0;
        }
        int from = stats.indexOf("calls=", at) + "calls=".length();
        return Long.parseLong(stats.substring(from, stats.indexOf(',', from)));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
