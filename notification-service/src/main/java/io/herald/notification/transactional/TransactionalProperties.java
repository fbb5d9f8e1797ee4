package io.herald.notification.transactional;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Transactional notifications.
 *
 * @param recordTtl how long a transactional notification is known as QUEUED without an outcome
 *     (its progress hash expires then; an outcome a worker recorded stays readable)
 */
@ConfigurationProperties("herald.notification.transactional")
record TransactionalProperties(Duration recordTtl) {
}
