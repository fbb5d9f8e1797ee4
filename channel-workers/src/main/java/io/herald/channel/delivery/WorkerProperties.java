package io.herald.channel.delivery;

import io.herald.eventstore.consumer.ConsumerTuning;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this instance reads the channel streams (defaults and comments in {@code application.yml}).
 *
 * @param group the consumer group on every channel stream
 * @param consumersPerStream consumers of this instance on each bulk stream
 * @param batchSize entries per read and per completion round trip on bulk streams
 * @param concurrency notifications in flight per bulk consumer
 * @param priorityConsumers consumers of this instance on each priority lane
 * @param priorityBatchSize entries per read on a priority lane
 * @param priorityConcurrency notifications in flight per priority consumer
 * @param block how long an idle read waits for new entries
 * @param handlerTimeout a batch's sends (including their waits for the rate limit) still running this
 *     long after the batch was read are failed attempts
 * @param claimIdle entries pending longer than this at another consumer are taken over
 * @param claimInterval how often to look for such entries
 * @param maxAttempts attempts before a notification goes to {@code dlq:<channel>}
 * @param initialBackoff first retry delay (doubles per attempt, with jitter)
 * @param maxBackoff largest retry delay
 * @param cancellationTtl how long a "not cancelled" answer is trusted before asking Redis again
 * @param rateLimits messages per second per channel shared by all instances; missing or 0 = unlimited
 * @param recipientCheck whether bulk notifications are checked against the recipient's current
 *     preferences just before sending (settled {@code SKIPPED} when opted out); on by default
 * @param settleSlice finished notifications of a batch settled (recorded, counted, acknowledged) in
 *     one completion round trip without waiting for the rest of the batch: a worker killed mid-batch
 *     sends again only what was in flight or finished but not yet settled; 0 = the whole batch at its end
 * @param settleInterval the longest a finished notification waits for its slice to fill
 */
@ConfigurationProperties("herald.workers")
public record WorkerProperties(String group, int consumersPerStream, int batchSize, int concurrency,
                               int priorityConsumers, int priorityBatchSize, int priorityConcurrency,
                               Duration block, Duration handlerTimeout, Duration claimIdle, Duration claimInterval,
                               int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                               Duration cancellationTtl, Map<String, Integer> rateLimits,
                               @DefaultValue("true") boolean recipientCheck,
                               @DefaultValue("16") int settleSlice,
                               @DefaultValue("50ms") Duration settleInterval) implements ConsumerTuning {

    public WorkerProperties {
        rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }

    /**
     * Entries per read on {@code channel}'s bulk streams: {@code batchSize}, but on a rate-limited
     * channel no more than this instance's consumers can send in a quarter of the handler timeout
     * at the channel's rate, so that a throttled batch still finishes within its timeout.
     */
    public int bulkBatchSize(String channel) {
        int rate = rateLimit(channel);
        if (rate == 0) {
            return batchSize;
        }
        long affordable = rate * handlerTimeout.toSeconds() / (4L * Math.max(1, consumersPerStream));
        return (int) Math.max(1, Math.min(batchSize, affordable));
    }

    /** Messages per second allowed on {@code channel}; 0 = unlimited. */
    public int rateLimit(String channel) {
        return Math.max(0, rateLimits.getOrDefault(channel, 0));
    }
}
