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
    final Timer batch;

    ConsumerMetrics(MeterRegistry registry, String stream, String group) {
        Tags tags = Tags.of("stream", stream, "group", group);
        read = registry.counter("herald.consumer.read", tags);
        acked = registry.counter("herald.consumer.acked", tags);
        retried = registry.counter("herald.consumer.retried", tags);
        deadLettered = registry.counter("herald.consumer.dead.lettered", tags);
        claimed = registry.counter("herald.consumer.claimed", tags);
        batch = Timer.builder("herald.consumer.batch").description("time from reading a batch to the end of its work")
                .tags(tags).register(registry);
    }
}
