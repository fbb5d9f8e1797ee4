package io.herald.notification.bulk;

import io.herald.eventstore.consumer.ConsumerTuning;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this instance reads the {@code audiences} stream (group {@code notification-service}).
 *
 * @param batchSize audience batches read at once (each holds up to 1,000 recipients)
 * @param concurrency audience batches rendered and queued at once
 * @param handlerTimeout a batch not queued within this is retried
 * @param claimIdle batches pending on another consumer longer than this are taken over
 * @param claimInterval how often to look for such batches
 * @param maxAttempts attempts before a batch goes to {@code dlq:audiences}
 * @param initialBackoff first retry delay (doubles per attempt, with jitter)
 * @param maxBackoff largest retry delay
 */
@ConfigurationProperties("herald.notification.audience-consumer")
record AudienceConsumerProperties(int batchSize, int concurrency, Duration handlerTimeout, Duration claimIdle,
                                  Duration claimInterval, int maxAttempts, Duration initialBackoff,
                                  Duration maxBackoff) implements ConsumerTuning {
}
