/**
 * How Herald talks to Redis Streams: the language-neutral {@link io.herald.eventstore.EventEnvelope},
 * every key Herald uses ({@link io.herald.eventstore.StreamKeys}), event names
 * ({@link io.herald.eventstore.EventNames}) and appending ({@link io.herald.eventstore.EventStore}).
 * The consumer-group runtime lives in {@code io.herald.eventstore.consumer}.
 */
package io.herald.eventstore;
