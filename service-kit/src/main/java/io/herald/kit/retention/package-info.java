/**
 * Bounded memory in every service: the group-aware trimming of the streams a service declares
 * ({@link io.herald.eventstore.retention.TrimmedStreams}), Redis memory as meters, a warning when Redis
 * may evict, and the {@code retention} component of {@code /actuator/health} (docs/design.md §9).
 */
package io.herald.kit.retention;
