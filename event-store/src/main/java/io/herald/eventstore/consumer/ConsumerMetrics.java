package io.herald.eventstore.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Micrometer meters of one consumer, tagged with stream and group. */
final class ConsumerMetrics {

    final Counter read;
    final Counter acked;
    final Counter retried;
    final Counter deadLettered;
    final Counter claimed;
    final Timer batch;
    final Timer wait;

    ConsumerMetrics(MeterRegistry registry, String stream, String group) {
        Tags tags = Tags.of("stream", stream, "group", group);
        read = registry.counter("herald.consumer.read", tags);
        acked = registry.counter("herald.consumer.acked", tags);
        retried = registry.counter("herald.consumer.retried", tags);
        deadLettered = registry.counter("herald.consumer.dead.lettered", tags);
        claimed = registry.counter("herald.consumer.claimed", tags);
        // both with histogram buckets, so that percentiles over any window (a campaign, an hour) come
        // from the difference of two scrapes: one recording per batch, not per entry
        batch = histogram(Timer.builder("herald.consumer.batch").description("time from reading a batch to the end of its work"))
                .tags(tags).register(registry);
        wait = histogram(Timer.builder("herald.consumer.wait").description("time the oldest entry of a batch read as new "
                        + "waited in the stream: from its entry id's time (Redis's clock) to the read (this host's clock)"))
                .tags(tags).register(registry);
    }

    private static Timer.Builder histogram(Timer.Builder timer) {
        return timer.publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1));
    }
}
