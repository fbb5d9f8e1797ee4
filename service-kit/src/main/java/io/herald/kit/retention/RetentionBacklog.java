package io.herald.kit.retention;

import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * What a service still has to let go of, beyond its streams (e.g. campaign-service: ended campaigns
 * whose records have not expired yet): added to the details of the {@code retention} health component.
 */
@FunctionalInterface
public interface RetentionBacklog {

    /** Detail name → value, e.g. {@code campaignsAwaitingExpiry → 3}. */
    Mono<Map<String, Object>> details();
}
