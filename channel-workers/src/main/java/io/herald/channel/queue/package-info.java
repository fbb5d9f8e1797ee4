/**
 * The HTTP queue API (docs/design.md §4): workers in any language publish, fetch, acknowledge and requeue
 * messages over plain HTTP and JSON, at least once, with a visibility timeout.
 *
 * <p>A queue {@code <name>} is the stream {@code queue:<name>} read by one consumer group; each
 * message is a Herald envelope whose {@code data} is the JSON object as published, byte for
 * byte, and whose envelope {@code id} (a UUID) is the message id. Leases, receipts and delivery
 * counts live in Redis next to the stream (all keys tagged {@code {queue:<name>}}), so any number
 * of channel-workers instances serve one queue and a restart loses nothing; every fetch,
 * acknowledgement and requeue is one Lua script, so concurrent fetchers never share a delivery.
 */
package io.herald.channel.queue;
