package io.herald.eventstore.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/** Micrometer meters of one consumer, tagged with stream and group. */
final class ConsumerMetrics {

    final Counter read;
    final Counter acked;
    final Counter retried;
    final Counter deadLettered;
    final Counter claimed;
    final Timer handler;

    ConsumerMetrics(MeterRegistry registry, String stream, String group) {
        Tags tags = Tags.of("stream", stream, "group", group);
        read = registry.counter("herald.consumer.read", tags);
        acked = registry.counter("herald.consumer.acked", tags);
        retried = registry.counter("herald.consumer.retried", tags);
        deadLettered = registry.counter("herald.consumer.dead.lettered", tags);
        claimed = registry.counter("herald.consumer.claimed", tags);
        handler = Timer.builder("herald.consumer.handler").tags(tags).register(registry);
    }
}
