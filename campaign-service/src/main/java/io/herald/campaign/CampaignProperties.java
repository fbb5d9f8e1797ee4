package io.herald.campaign;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Knobs of campaign-service ({@code herald.campaign.*}); defaults and comments in {@code application.yml}.
 *
 * @param idempotencyTtl how long an {@code Idempotency-Key} is remembered
 * @param tick interval of the completion checker, which also feeds the progress event streams
 * @param scheduleMaxSleep longest sleep of the schedule releaser before it looks for new, earlier schedules
 * @param releaseBatch schedules released per round trip
 * @param listMaxScan most index entries a filtered listing examines before it answers with what it found
 * @param consumerBatch entries per read of the history consumers
 */
@ConfigurationProperties("herald.campaign")
public record CampaignProperties(@DefaultValue("24h") Duration idempotencyTtl,
                                 @DefaultValue("1s") Duration tick,
                                 @DefaultValue("1s") Duration scheduleMaxSleep,
                                 @DefaultValue("100") int releaseBatch,
                                 @DefaultValue("10000") int listMaxScan,
                                 @DefaultValue("100") int consumerBatch) {
}
