package io.herald.campaign.progress;

import io.herald.campaign.store.CampaignView;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Hands the campaign views that the completion ticks compute to the followers of
 * {@code /progress}, and tells the ticks which campaigns are followed (so that a campaign is
 * looked at while someone watches it, even when it is not active). Thread-safe.
 */
@Component
public class ProgressBroadcast {

    private final Sinks.Many<CampaignView> published = Sinks.many().multicast().directBestEffort();
    private final Map<String, AtomicInteger> watched = new ConcurrentHashMap<>();

    /** Views of one campaign as they are published, while subscribed (the campaign is watched meanwhile). */
    Flux<CampaignView> updates(String campaignId) {
        return Flux.defer(() -> {
            watched.computeIfAbsent(campaignId, id -> new AtomicInteger()).incrementAndGet();
            return published.asFlux().filter(view -> view.id().equals(campaignId));
        }).doFinally(signal -> watched.computeIfPresent(campaignId,
                (id, count) -> count.decrementAndGet() <= 0 ? null : count));
    }

    /**
     * Every published view (each tick publishes every active or followed campaign, changed or
     * not), for as long as the caller is subscribed; subscribing follows no campaign.
     */
    public Flux<CampaignView> all() {
        return published.asFlux();
    }

    /** The ids of the campaigns someone follows now. */
    public Set<String> watched() {
        return Set.copyOf(watched.keySet());
    }

    /** Publishes a freshly computed view; dropped when nobody follows. */
    public void publish(CampaignView view) {
        published.tryEmitNext(view);
    }

    /** Ends every follower's stream (the service is stopping). */
    public void close() {
        published.tryEmitComplete();
    }
}
