package io.herald.user.categories;

import io.herald.user.UserProperties;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * Creates the configured default categories when the service is ready, retrying until Redis
 * answers, so that the service starts even while Redis is still coming up.
 */
@Component
class DefaultCategories {

    private static final Logger log = LoggerFactory.getLogger(DefaultCategories.class);

    private final Categories categories;
    private final UserProperties properties;

    DefaultCategories(Categories categories, UserProperties properties) {
        this.categories = categories;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createDefaults() {
        categories.ensure(properties.categories())
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("cannot create default categories yet: {}", s.failure().toString())))
                .subscribe(ignored -> { }, e -> log.error("default categories not created", e),
                        () -> log.info("Categories ready: {}", properties.categories()));
    }
}
