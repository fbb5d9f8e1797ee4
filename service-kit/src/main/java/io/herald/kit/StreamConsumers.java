package io.herald.kit;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.consumer.BatchHandler;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.eventstore.consumer.EntryHandler;
import io.herald.eventstore.consumer.StreamConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;

/**
 * The stream consumers of a service, tied to the application's lifecycle: registered consumers
 * start when the context is ready and stop gracefully (finishing the batch in hand) before the
 * Redis connections close. Thread-safe.
 */
public final class StreamConsumers implements SmartLifecycle {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private final RedisConnections connections;
    private final MeterRegistry registry;
    private final String instanceId;
    private final List<StreamConsumer> consumers = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    StreamConsumers(RedisConnections connections, MeterRegistry registry, String instanceId) {
        this.connections = connections;
        this.registry = registry;
        this.instanceId = instanceId;
    }

    /**
     * Registers a consumer; it starts with the application (at once if the application runs
     * already).
     */
    public StreamConsumer register(ConsumerSettings settings, EntryHandler handler) {
        return registerBatches(settings, handler.perBatch(settings.concurrency()));
    }

    /** Registers a consumer whose handler takes each batch as a whole; see {@link #register(ConsumerSettings, EntryHandler)}. */
    public StreamConsumer registerBatches(ConsumerSettings settings, BatchHandler handler) {
        return registerBatches(settings, handler, connections);
    }

    /**
     * Registers a consumer whose handler takes each batch as a whole and which reads and settles
     * over {@code lane} (see {@link RedisConnections#lane()}) instead of the service's connections.
     */
    public StreamConsumer registerBatches(ConsumerSettings settings, BatchHandler handler, RedisConnections lane) {
        StreamConsumer consumer = StreamConsumer.forBatches(lane, settings, handler, registry);
        consumers.add(consumer);
        if (running) {
            consumer.start();
        }
        return consumer;
    }

    /** This process's consumer name, suffixed: unique per process, stable if configured so. */
    public String consumerName(String suffix) {
        return instanceId + "-" + suffix;
    }

    /** Stops one consumer and forgets it. */
    public void unregister(StreamConsumer consumer) {
        consumers.remove(consumer);
        consumer.stop(GRACE);
    }

    @Override
    public void start() {
        running = true;
        consumers.forEach(StreamConsumer::start);
    }

    @Override
    public void stop() {
        running = false;
        consumers.parallelStream().forEach(consumer -> consumer.stop(GRACE));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Starts last and stops first: after the Redis connection factory and the web server are up,
     * and before either goes down, so that the batch in hand can still be settled.
     */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
