package io.herald.user.audience;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Audience resolution settings ({@code herald.audience.*}); defaults and comments in
 * {@code application.yml}.
 *
 * @param batchSize recipients per {@code user_audience_resolved} entry (at most 1000)
 * @param batchesAhead batches whose users are read while earlier ones are appended
 * @param snapshotTtl how long a campaign's frozen audience is kept for a retry to finish it
 * @param markerTtl how long the record of appended batches is kept (a redelivered campaign
 *     within this time appends nothing again)
 * @param handlerTimeout longest resolution of one campaign before the attempt counts as failed
 * @param claimIdle a campaign entry left pending this long by a dead instance is taken over
 * @param concurrency campaigns resolved at once by this instance
 * @param maxAttempts attempts at one campaign before it goes to the dead letters; each attempt
 *     keeps the batches appended before, so retries always make progress
 */
@ConfigurationProperties("herald.audience")
public record AudienceProperties(int batchSize, int batchesAhead, Duration snapshotTtl, Duration markerTtl,
                                 Duration handlerTimeout, Duration claimIdle, int concurrency, int maxAttempts) {

    public AudienceProperties {
        if (batchSize < 1 || batchSize > 1000) {
            throw new IllegalArgumentException("herald.audience.batch-size must be 1..1000, is " + batchSize);
        }
        batchesAhead = Math.max(1, batchesAhead);
        concurrency = Math.max(1, concurrency);
        maxAttempts = Math.max(1, maxAttempts);
    }
}
