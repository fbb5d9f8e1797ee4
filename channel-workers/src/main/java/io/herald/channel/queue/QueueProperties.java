package io.herald.channel.queue;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the HTTP queue API ({@code herald.queues}); defaults and comments in
 * {@code application.yml}.
 *
 * @param group the consumer group every instance reads queue streams with
 * @param defaultMax messages per fetch when the request names no {@code max}
 * @param defaultVisibilityTimeout lease of a delivery when the request names no {@code visibilityTimeout}
 * @param defaultWait long-poll time when the request names no {@code wait}
 * @param maxWait the longest {@code wait} a request may ask for
 */
@ConfigurationProperties("herald.queues")
record QueueProperties(String group, int defaultMax, Duration defaultVisibilityTimeout, Duration defaultWait,
                       Duration maxWait) {

    QueueProperties {
        Objects.requireNonNull(group, "herald.queues.group");
        Objects.requireNonNull(defaultVisibilityTimeout, "herald.queues.default-visibility-timeout");
        Objects.requireNonNull(defaultWait, "herald.queues.default-wait");
        Objects.requireNonNull(maxWait, "herald.queues.max-wait");
    }
}
