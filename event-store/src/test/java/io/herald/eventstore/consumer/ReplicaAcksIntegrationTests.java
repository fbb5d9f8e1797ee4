package io.herald.eventstore.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RedisServerProcess;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code herald.redis.replica-acks} on a single Redis with a real replica ({@code --replicaof}): a
 * step's downstream writes reach the replica before its entry is acknowledged, and while the replica
 * is away the entry stays pending, uncounted as a failure, until the replica is back.
 */
class ReplicaAcksIntegrationTests {

    private static final String UPSTREAM = "audiences";
    private static final String DOWNSTREAM = "notify:email";
    private static final String GROUP = "notification-service";

    private RedisServerProcess master;
    private RedisServerProcess replica;
    private RedisConnections connections;
    private RedisClient admin;
    private StatefulRedisConnection<String, String> onMaster;
    private StatefulRedisConnection<String, String> onReplica;
    private StreamConsumer consumer;

    @BeforeEach
    void startMasterAndReplica() {
        Path binary = RedisServerProcess.findBinary().orElseThrow(() -> new IllegalStateException("no redis-server"));
        master = RedisServerProcess.startOnFreePort(binary);
        replica = RedisServerProcess.startReplicaOf(binary, master);
        admin = RedisClient.create();
        onMaster = admin.connect(io.lettuce.core.RedisURI.create(master.url()));
        onReplica = admin.connect(io.lettuce.core.RedisURI.create(replica.url()));
        await().atMost(Duration.ofSeconds(30)).until(this::replicaOnline);
        connections = RedisConnections.create(master.url()).requireReplicaAcks(1, Duration.ofMillis(500));
    }

    @AfterEach
    void stopAll() {
        if (consumer != null) {
            consumer.close();
        }
        connections.close();
        onMaster.close();
        onReplica.close();
        admin.shutdown();
        replica.close();
        master.close();
    }

    @Test
    void aStepsDownstreamWritesAreOnTheReplicaBeforeItsEntryIsAcknowledged() {
        List<Boolean> onReplicaWhenConfirmed = new CopyOnWriteArrayList<>();
        consumer = startForwarding(new AtomicInteger(), onReplicaWhenConfirmed);
        append(0, 20);

        await().atMost(Duration.ofSeconds(30)).until(() -> master().xpending(UPSTREAM, GROUP).getCount() == 0
                && master().xlen(DOWNSTREAM) == 20);
        assertThat(onReplicaWhenConfirmed).hasSize(20).containsOnly(true);
    }

    @Test
    void whileTheReplicaIsAwayTheEntryStaysPendingUncountedAndIsAcknowledgedOnceItIsBack() {
        replica.stop();
        await().atMost(Duration.ofSeconds(30)).until(() -> !replicaOnline());
        AtomicInteger calls = new AtomicInteger();
        consumer = startForwarding(calls, new CopyOnWriteArrayList<>());
        append(0, 1);

        await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() >= 3);
        assertThat(master().xpending(UPSTREAM, GROUP).getCount()).as("not acknowledged").isEqualTo(1);
        assertThat(master().hlen(StreamKeys.attempts(UPSTREAM, GROUP))).as("no failed attempt counted").isZero();
        assertThat(master().xlen(StreamKeys.deadLetters(UPSTREAM))).as("never dead-lettered").isZero();

        replica.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> master().xpending(UPSTREAM, GROUP).getCount() == 0);
        assertThat(master().hlen(StreamKeys.delivered(UPSTREAM, "c-1"))).as("recorded once").isEqualTo(1);
        assertThat(master().xlen(DOWNSTREAM)).as("written once per try: at least once").isGreaterThanOrEqualTo(3);
    }

    /**
     * Forwards each entry to {@link #DOWNSTREAM}, waits for the replica, notes whether the replica
     * has the forwarded entry at that moment, then records the entry once.
     */
    private StreamConsumer startForwarding(AtomicInteger calls, List<Boolean> onReplicaWhenConfirmed) {
        ReplicaAcks acks = connections.replicaAcks();
        EntryHandler forward = entry -> {
            calls.incrementAndGet();
            return connections.commands().xadd(DOWNSTREAM, entry.fields())
                    .flatMap(id -> acks.await(DOWNSTREAM).then(Mono.fromCallable(
                            () -> onReplicaWhenConfirmed.add(!onReplica.sync().xrange(DOWNSTREAM, Range.create(id, id)).isEmpty()))
                            .subscribeOn(Schedulers.boundedElastic())))
                    .then(Mono.just(Completion.record(StreamKeys.delivered(UPSTREAM, "c-1"), entry.envelope().id(),
                            "DELIVERED", StreamKeys.progress(UPSTREAM, "c-1"), "delivered")));
        };
        ConsumerSettings settings = ConsumerSettings.defaults(UPSTREAM, GROUP, "renderer-1")
                .withBlock(Duration.ofMillis(300))
                .withRetries(3, Duration.ofMillis(300), Duration.ofSeconds(1));
        StreamConsumer started = new StreamConsumer(connections, settings, forward, new SimpleMeterRegistry());
        started.start();
        return started;
    }

    private void append(int from, int count) {
        List<EventEnvelope> events = java.util.stream.IntStream.range(from, from + count)
                .mapToObj(i -> EventEnvelope.withId("event-" + i, "test_event_happened", "{\"n\":" + i + "}"))
                .toList();
        new EventStore(connections.commands()).appendAll(UPSTREAM, events).block(Duration.ofSeconds(30));
    }

    private RedisCommands<String, String> master() {
        return onMaster.sync();
    }

    private boolean replicaOnline() {
        return master().info("replication").contains(",state=online,");
    }
}
