package io.herald.notification.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counter {@code herald.notification.queued} per stream: campaign notifications appended. */
final class BulkMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> queued = new ConcurrentHashMap<>();

    BulkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts {@code appended} entries on {@code stream}; a negative number (batch already queued) counts nothing. */
    void queued(String stream, long appended) {
        if (appended > 0) {
            queued.computeIfAbsent(stream, s -> Counter.builder("herald.notification.queued")
                    .description("campaign notifications appended to channel streams")
                    .tag("stream", s).register(registry)).increment(appended);
        }
    }
}
