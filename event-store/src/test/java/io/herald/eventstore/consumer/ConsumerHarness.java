package io.herald.eventstore.consumer;

import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Connections, an event store and consumers for one test, closed together afterwards. The
 * consumers record each event once into {@code delivered}/{@code progress} of campaign
 * {@value #CAMPAIGN}, as channel-workers do.
 */
final class ConsumerHarness implements AutoCloseable {

    static final String CAMPAIGN = "c-1";
    static final String DELIVERED = "delivered";

    final RedisConnections connections;
    final EventStore store;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<StreamConsumer> consumers = new ArrayList<>();
    private final RedisConnections adminConnections;
    private final RedisClusterCommands<String, String> admin;

    /** @param redisUrl one Redis URL, or the comma-separated node URLs of a cluster */
    ConsumerHarness(String redisUrl) {
        this.connections = RedisConnections.createFor(redisUrl);
        this.adminConnections = RedisConnections.createFor(redisUrl);
        this.admin = RedisConnections.sync(adminConnections.dedicated());
        this.store = new EventStore(connections.commands());
    }

    /** Synchronous commands on a connection of the test's own, never used by a consumer. */
    RedisClusterCommands<String, String> redis() {
        return admin;
    }

    StreamConsumer start(ConsumerSettings settings, EntryHandler handler) {
        StreamConsumer consumer = new StreamConsumer(connections, settings, handler, registry);
        consumers.add(consumer);
        consumer.start();
        return consumer;
    }

    StreamConsumer startBatches(ConsumerSettings settings, BatchHandler handler) {
        StreamConsumer consumer = StreamConsumer.forBatches(connections, settings, handler, registry);
        consumers.add(consumer);
        consumer.start();
        return consumer;
    }

    /** Appends {@code count} events with ids {@code event-<from>} … and emits them. */
    List<EventEnvelope> append(String stream, int from, int count) {
        List<EventEnvelope> events = IntStream.range(from, from + count)
                .mapToObj(i -> EventEnvelope.withId("event-" + i, "test_event_happened", "{\"n\":" + i + "}"))
                .toList();
        store.appendAll(stream, events).block(Duration.ofSeconds(30));
        return events;
    }

    /** The fields of an event with the given id, for appending by hand. */
    Map<String, String> envelopeFields(String id) {
        return EventEnvelope.withId(id, "test_event_happened", "{}").toFields();
    }

    /** The completion a delivering handler returns: record the event once, count it once. */
    static Completion delivered(StreamEntry entry) {
        String stream = entry.stream();
        return Completion.record(StreamKeys.delivered(stream, CAMPAIGN), entry.envelope().id(), DELIVERED,
                StreamKeys.progress(stream, CAMPAIGN), DELIVERED);
    }

    long deliveredCount(String stream) {
        String value = redis().hget(StreamKeys.progress(stream, CAMPAIGN), DELIVERED);
        return value == null ? 0 : Long.parseLong(value);
    }

    Map<String, String> deliveredRecords(String stream) {
        return redis().hgetall(StreamKeys.delivered(stream, CAMPAIGN));
    }

    long pending(String stream, String group) {
        return redis().xpending(stream, group).getCount();
    }

    static ConsumerSettings fast(String stream, String group, String consumer) {
        return ConsumerSettings.defaults(stream, group, consumer).withBlock(Duration.ofMillis(500));
    }

    @Override
    public void close() {
        consumers.forEach(StreamConsumer::close);
        connections.close();
        adminConnections.close();
    }
}
