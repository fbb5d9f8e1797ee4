package io.herald.channel.ratelimit;

import io.herald.channel.ChannelKeys;
import io.herald.eventstore.Channels;
import io.herald.channel.delivery.WorkerProperties;
import io.herald.eventstore.RedisConnections;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Messages per second per channel ({@code herald.workers.rate-limits}), shared by every instance
 * through a token bucket in Redis ({@code rate-limit:{notify:<channel>}}), so that a provider's
 * quota holds however many workers run. A throttled send waits (without a thread); it is not failed.
 * Thread-safe.
 */
@Component
public class RateLimiter {

    private final Map<String, ChannelBucket> buckets = new HashMap<>();

    RateLimiter(RedisConnections connections, Channels channels, WorkerProperties workers) {
        for (String channel : channels.names()) {
            int perSecond = workers.rateLimit(channel);
            if (perSecond > 0) {
                buckets.put(channel, new ChannelBucket(connections.commands(), ChannelKeys.rateLimit(channel), perSecond));
            }
        }
    }

    /** Whether {@code channel} has a rate limit (else {@link #acquire} completes at once). */
    public boolean limits(String channel) {
        return buckets.containsKey(channel);
    }

    /**
     * Completes when one message may be sent on {@code channel} (at once when it is unlimited).
     * Priority callers (transactional lane) go before waiting bulk callers. Errors when Redis does
     * not answer.
     */
    public Mono<Void> acquire(String channel, boolean priority) {
        ChannelBucket bucket = buckets.get(channel);
        return bucket == null ? Mono.empty() : bucket.acquire(priority);
    }
}
