/**
 * Keeping Redis memory bounded: group-aware trimming of the streams each service owns
 * ({@link io.herald.eventstore.retention.StreamTrimmer} over the services'
 * {@link io.herald.eventstore.retention.TrimmedStreams}), and recognising a full Redis
 * ({@link io.herald.eventstore.retention.StorageFull}). What is trimmed, what expires and what stays
 * is docs/design.md §9.
 */
package io.herald.eventstore.retention;
