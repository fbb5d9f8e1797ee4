/**
 * The consumer-group runtime: {@link io.herald.eventstore.consumer.StreamConsumer} reads a stream
 * as one consumer of a group and gives Herald its at-least-once delivery — acknowledge only after
 * the handler succeeded, claim what dead consumers left pending, retry with backoff (scheduled in
 * Redis, so it survives restarts), dead-letter what keeps failing, and record each outcome once.
 */
package io.herald.eventstore.consumer;
