package io.herald.bench.jmh;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The completion round trip of the consumer runtime: {@code complete.lua} settling a batch of
 * entries (record each outcome once with {@code HSETNX}, count it with {@code HINCRBY},
 * {@code XACK}, forget retry bookkeeping) against a redis-server the benchmark starts. The
 * script is called with the argument layout of {@code Completer} (package-private in
 * event-store); results are per settled notification.
 *
 * <p>The acknowledged ids are real entries read by the group once at set-up; after their first
 * {@code XACK} they are no longer pending, which costs Redis the same lookup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class CompletionBenchmark {

    private static final LuaScript COMPLETE = LuaScript.fromClasspath("io/herald/eventstore/complete.lua");
    private static final String STREAM = StreamKeys.notify("email");
    private static final String GROUP = "channel-workers";
    private static final String CAMPAIGN = "bench-campaign";

    @Param({"100"})
    public int batch;

    private RedisServerProcess redis;
    private RedisConnections connections;
    private RedisClusterReactiveCommands<String, String> commands;
    private String[] keys;
    private List<String> entryIds;
    private long sequence;

    @Setup(Level.Trial)
    public void startRedis() {
        redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary());
        connections = RedisConnections.create(redis.url());
        commands = connections.commands();
        keys = new String[] {STREAM, StreamKeys.attempts(STREAM, GROUP), StreamKeys.retries(STREAM, GROUP),
                StreamKeys.delivered(STREAM, CAMPAIGN), StreamKeys.progress(STREAM, CAMPAIGN)};
        var sync = RedisConnections.sync(connections.dedicated());
        sync.xgroupCreate(io.lettuce.core.XReadArgs.StreamOffset.from(STREAM, "0"), GROUP,
                io.lettuce.core.XGroupCreateArgs.Builder.mkstream());
        entryIds = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
            entryIds.add(sync.xadd(STREAM, "event", "notification_message_queued", "data", "{}"));
        }
        sync.xreadgroup(io.lettuce.core.Consumer.from(GROUP, "bench"), io.lettuce.core.XReadArgs.Builder.count(batch),
                io.lettuce.core.XReadArgs.StreamOffset.lastConsumed(STREAM));
    }

    /** One batch settled in one EVALSHA; every notification id is new, so every outcome is recorded. */
    @Benchmark
    @OperationsPerInvocation(100)
    public Long completeBatch() {
        List<String> args = new ArrayList<>(2 + batch * 6);
        args.add(GROUP);
        args.add(Integer.toString(batch));
        for (int i = 0; i < batch; i++) {
            args.add(entryIds.get(i));
            args.add("4");
            args.add(CAMPAIGN + ":u" + (sequence++) + ":email");
            args.add("{\"status\":\"DELIVERED\",\"attempts\":1,\"at\":\"2026-11-25T21:00:00.123456Z\",\"error\":null}");
            args.add("5");
            args.add("delivered");
        }
        return COMPLETE.<Long>run(commands, ScriptOutputType.INTEGER, keys, args.toArray(String[]::new)).blockLast();
    }

    @TearDown(Level.Trial)
    public void stopRedis() {
        connections.close();
        redis.close();
    }
}
