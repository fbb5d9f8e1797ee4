package io.herald.kit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings every Herald service shares.
 *
 * @param apiKey the key required in {@code X-API-Key} on {@code /api/**} ({@code HERALD_API_KEY})
 * @param openWithoutKey start without a key and leave {@code /api/**} open; for local use only
 * @param maxBodySize largest accepted request body; larger ones get 413
 * @param instanceId this process's name among consumers of a group; keep it stable across
 *     restarts of the same instance so it takes its own pending entries back at once
 * @param redisStartupWait how long a starting service waits for Redis to answer before it gives up
 * @param publicUrl base URL at which recipients reach user-service (unsubscribe links)
 * @param unsubscribe signing of unsubscribe links
 * @param historyRetention how long a user's notification history is kept (the per-day index
 *     {@code user-notifications:*} expires this long after its day); channel-workers write it,
 *     user-service reads that far back
 * @param redis how writes are made durable across a Redis failover
 * @param retention what is kept how long, and how often streams are trimmed (docs/design.md §9)
 */
@ConfigurationProperties("herald")
public record KitProperties(String apiKey, @DefaultValue("false") boolean openWithoutKey,
                            @DefaultValue("256KB") DataSize maxBodySize, String instanceId,
                            @DefaultValue("60s") java.time.Duration redisStartupWait,
                            @DefaultValue("http://localhost:8081") String publicUrl,
                            @DefaultValue Unsubscribe unsubscribe,
                            @DefaultValue("30d") java.time.Duration historyRetention,
                            @DefaultValue Redis redis,
                            @DefaultValue Retention retention) {

    /**
     * @param replicaAcks replicas that must hold a step's writes ({@code WAIT}) before it
     *     acknowledges its upstream work ({@code HERALD_REDIS_REPLICAACKS}); 0 = do not wait (for a
     *     Redis without replicas), 1 recommended on a Redis Cluster with a replica per master
     *     (docs/cluster.md). The same in every service.
     * @param replicaAcksTimeout how long one {@code WAIT} may take; when fewer replicas answered, the
     *     step is not acknowledged and is tried again later (HTTP: 503). Below
     *     {@code spring.data.redis.timeout}.
     */
    public record Redis(@DefaultValue("0") int replicaAcks, @DefaultValue("2s") java.time.Duration replicaAcksTimeout) {
    }

    /**
     * @param interval how often the streams a service owns are trimmed (entries every group
     *     acknowledged) and Redis memory is sampled
     * @param afterCompletion how long a campaign's per-notification data (outcome records, progress
     *     and rendering markers, audience snapshot and batches) is kept after the campaign ended
     *     ({@code HERALD_RETENTION_AFTERCOMPLETION})
     */
    public record Retention(@DefaultValue("10s") java.time.Duration interval,
                            @DefaultValue("7d") java.time.Duration afterCompletion) {
    }

    /**
     * @param secret HMAC secret of unsubscribe tokens ({@code HERALD_UNSUBSCRIBE_SECRET}); the same
     *     in channel-workers (signing) and user-service (checking). Blank: derived from the API
     *     key, so a stack sharing one key still works; blank without an API key: no links.
     */
    public record Unsubscribe(String secret) {
    }

    /**
     * How long a user's history lists a notification (the per-day index expires that long after its
     * day): {@code historyRetention}, but never longer than {@code retention.afterCompletion}, since
     * an entry whose outcome record expired could show no more than "expired" and would keep memory
     * growing after the campaign's records are gone (docs/design.md §9).
     */
    public java.time.Duration historyKept() {
        java.time.Duration records = retention.afterCompletion();
        return records.compareTo(historyRetention) < 0 ? records : historyRetention;
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }
}
