package io.herald.bench.jmh;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.Completion;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.eventstore.consumer.StreamConsumer;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

/**
 * The consumer runtime's ceiling: how fast one {@link StreamConsumer} drains a backlog of 50,000
 * entries when the work itself costs nothing — read ({@code XREADGROUP COUNT batch}), decode the
 * envelope, settle through {@code complete.lua} with a recorded outcome. Single shot per backlog;
 * the score is time per entry.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
@State(Scope.Benchmark)
public class ConsumerBenchmark {

    private static final int BACKLOG = 50_000;
    private static final String GROUP = "channel-workers";

    private RedisServerProcess redis;
    private RedisConnections connections;
    private RedisClusterCommands<String, String> sync;
    private String stream;
    private StreamConsumer consumer;
    private int round;

    @Setup(Level.Trial)
    public void startRedis() {
        redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary());
        connections = RedisConnections.create(redis.url());
        sync = RedisConnections.sync(connections.dedicated());
    }

    /** A fresh stream with the backlog, pipelined; not measured. */
    @Setup(Level.Invocation)
    public void fillBacklog() {
        stream = StreamKeys.notify("bench" + (round++));
        var async = connections.commands();
        reactor.core.publisher.Flux.range(0, BACKLOG)
                .flatMap(i -> async.xadd(stream, io.herald.eventstore.EventEnvelope.of("notification_message_queued",
                        "{\"notificationId\":\"c:u" + i + ":email\"}").toFields()), 512)
                .blockLast();
        ConsumerSettings settings = ConsumerSettings.defaults(stream, GROUP, "bench").withBatchSize(200)
                .withConcurrency(64);
        String delivered = StreamKeys.delivered(stream, "c");
        String progress = StreamKeys.progress(stream, "c");
        consumer = new StreamConsumer(connections, settings, entry -> Mono.fromSupplier(() -> Completion.record(
                delivered, entry.envelope().id(), "{\"status\":\"DELIVERED\"}", progress, "delivered")),
                new SimpleMeterRegistry());
    }

    @Benchmark
    @OperationsPerInvocation(BACKLOG)
    public void drainBacklog() {
        consumer.start();
        String progress = StreamKeys.progress(stream, "c");
        while (!Integer.toString(BACKLOG).equals(sync.hget(progress, "delivered"))) {
            LockSupport.parkNanos(200_000);
        }
    }

    @TearDown(Level.Invocation)
    public void stopConsumer() {
        consumer.close();
        sync.del(stream);
    }

    @TearDown(Level.Trial)
    public void stopRedis() {
        connections.close();
        redis.close();
    }
}
