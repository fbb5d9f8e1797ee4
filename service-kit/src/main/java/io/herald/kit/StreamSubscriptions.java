package io.herald.kit;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.consumer.BatchHandler;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.eventstore.consumer.EntryHandler;
import java.util.ArrayList;
import java.util.List;

/**
 * The stream consumers a service runs, declared as a bean: the one way a service registers a
 * consumer. {@link StreamConsumers} collects every such bean and starts their consumers once the
 * application is ready (and stops them before the Redis connections close). Build it in a
 * {@code @Bean} method; not thread-safe while being built.
 */
public final class StreamSubscriptions {

    /** One consumer: how it reads, what handles its batches, and the connections it reads and settles over. */
    record Subscription(ConsumerSettings settings, BatchHandler handler, RedisConnections lane) {
    }

    private final List<Subscription> subscriptions = new ArrayList<>();

    /** A consumer whose handler takes one entry at a time ({@code settings.concurrency()} at once). */
    public StreamSubscriptions perEntry(ConsumerSettings settings, EntryHandler handler) {
        return perBatch(settings, handler.perBatch(settings.concurrency()));
    }

    /** A consumer whose handler takes each batch as a whole, over the service's connections. */
    public StreamSubscriptions perBatch(ConsumerSettings settings, BatchHandler handler) {
        return perBatch(settings, handler, null);
    }

    /**
     * A consumer whose handler takes each batch as a whole and which reads and settles over
     * {@code lane} (see {@link RedisConnections#lane()}); null means the service's connections.
     */
    public StreamSubscriptions perBatch(ConsumerSettings settings, BatchHandler handler, RedisConnections lane) {
        subscriptions.add(new Subscription(settings, handler, lane));
        return this;
    }

    List<Subscription> list() {
        return List.copyOf(subscriptions);
    }
}
