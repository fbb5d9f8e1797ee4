package io.herald.kit;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.consumer.StreamConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

/**
 * The stream consumers of a service, tied to the application's lifecycle: the consumers every
 * {@link StreamSubscriptions} bean declares start when the context is ready and stop gracefully
 * (finishing the batch in hand) before the Redis connections close. Thread-safe.
 */
public final class StreamConsumers implements SmartLifecycle {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private final RedisConnections connections;
    private final MeterRegistry registry;
    private final String instanceId;
    private final List<StreamConsumer> consumers = new CopyOnWriteArrayList<>();
    private final ObjectProvider<StreamSubscriptions> declared;
    private volatile boolean running;

    StreamConsumers(RedisConnections connections, MeterRegistry registry, String instanceId,
                    ObjectProvider<StreamSubscriptions> declared) {
        this.declared = declared;
        this.connections = connections;
        this.registry = registry;
        this.instanceId = instanceId;
    }

    private void register(StreamSubscriptions.Subscription subscription) {
        RedisConnections lane = subscription.lane() == null ? connections : subscription.lane();
        StreamConsumer consumer = StreamConsumer.forBatches(lane, subscription.settings(), subscription.handler(),
                registry);
        consumers.add(consumer);
        consumer.start();
    }

    /** The consumers running in this process (e.g. to stop them as a crash would, in tests). */
    public List<StreamConsumer> consumers() {
        return List.copyOf(consumers);
    }

    /** This process's consumer name, suffixed: unique per process, stable if configured so. */
    public String consumerName(String suffix) {
        return instanceId + "-" + suffix;
    }

    @Override
    public void start() {
        running = true;
        declared.orderedStream().flatMap(subscriptions -> subscriptions.list().stream()).forEach(this::register);
    }

    @Override
    public void stop() {
        running = false;
        consumers.parallelStream().forEach(consumer -> consumer.stop(GRACE));
        consumers.clear();
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
