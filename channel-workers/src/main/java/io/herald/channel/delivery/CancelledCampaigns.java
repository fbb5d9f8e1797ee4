package io.herald.channel.delivery;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a campaign was cancelled ({@code campaigns:cancelled}), cached per campaign: a "no" is
 * trusted for {@code herald.workers.cancellation-ttl}, a "yes" for good (a cancellation is final).
 * So a running campaign costs one {@code SISMEMBER} per TTL and process, not one per notification,
 * and a cancellation takes effect within one TTL. Transactional notifications are never cancelled.
 * Thread-safe.
 */
@Component
public class CancelledCampaigns {

    /** Beyond this many cached campaigns the cache starts over, so that it stays small. */
    private static final int MAX_CACHED = 10_000;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Duration ttl;
    private final Map<String, Mono<Boolean>> cache = new ConcurrentHashMap<>();

    CancelledCampaigns(RedisConnections connections, WorkerProperties properties) {
        this.redis = connections.commands();
        this.ttl = properties.cancellationTtl();
    }

    /** Emits whether the campaign is cancelled (at most one TTL old). */
    public Mono<Boolean> isCancelled(Notification notification) {
        if (notification.transactional()) {
            return Mono.just(false);
        }
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        return cache.computeIfAbsent(notification.campaignId(), campaignId ->
                redis.sismember(StreamKeys.cancelledCampaigns(), campaignId)
                        .cache(cancelled -> cancelled ? Duration.ofDays(365) : ttl, error -> Duration.ZERO,
                                () -> Duration.ZERO));
    }
}
