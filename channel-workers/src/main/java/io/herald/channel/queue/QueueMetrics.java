package io.herald.channel.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counters of the queue API, summed over all queues (queue names come from clients, so they are
 * not used as tags): {@code herald.queue.published}, {@code .delivered}, {@code .redelivered},
 * {@code .acknowledged}, {@code .requeued} and {@code .settle.rejected} (dead or unknown receipts).
 */
@Component
final class QueueMetrics {

    final Counter published;
    final Counter delivered;
    final Counter redelivered;
    final Counter acknowledged;
    final Counter requeued;
    final Counter rejected;

    QueueMetrics(MeterRegistry registry) {
        published = counter(registry, "published", "messages published");
        delivered = counter(registry, "delivered", "deliveries handed out by fetch, first ones and repeated ones");
        redelivered = counter(registry, "redelivered", "deliveries of a message delivered before (timed out or requeued)");
        acknowledged = counter(registry, "acknowledged", "messages acknowledged, i.e. removed for good");
        requeued = counter(registry, "requeued", "deliveries requeued by their worker");
        rejected = counter(registry, "settle.rejected", "acknowledgements and requeues with a dead or unknown receipt");
    }

    void fetched(List<Delivery> deliveries) {
        delivered.increment(deliveries.size());
        redelivered.increment(deliveries.stream().filter(d -> d.deliveries() > 1).count());
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder("herald.queue." + name).description(description).register(registry);
    }
}
