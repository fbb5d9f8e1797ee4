package io.herald.campaign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of what this instance did to campaigns, as {@code herald_campaigns_total{outcome=…}}
 * on {@code /actuator/prometheus}: created, scheduled, released, completed, cancelled.
 */
@Component
public class CampaignMetrics {

    private final Counter created;
    private final Counter scheduled;
    private final Counter released;
    private final Counter completed;
    private final Counter cancelled;

    CampaignMetrics(MeterRegistry registry) {
        created = counter(registry, "created");
        scheduled = counter(registry, "scheduled");
        released = counter(registry, "released");
        completed = counter(registry, "completed");
        cancelled = counter(registry, "cancelled");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("herald.campaigns").tag("outcome", outcome)
                .description("campaigns this instance created, scheduled, released, completed or cancelled")
                .register(registry);
    }

    public void created(boolean isScheduled) {
        (isScheduled ? scheduled : created).increment();
    }

    public void released() {
        released.increment();
    }

    public void completed() {
        completed.increment();
    }

    public void cancelled() {
        cancelled.increment();
    }
}
