package io.herald.channel;

import io.herald.eventstore.StreamKeys;

/**
 * The Redis keys only channel-workers use (docs/design.md §3), built here and nowhere else; the
 * keys other services share are {@link StreamKeys}. Each shares the hash tag of the stream whose
 * Lua steps touch it, so every step stays in one Cluster slot. Pure functions, thread-safe.
 */
public final class ChannelKeys {

    private ChannelKeys() {
    }

    /**
     * Running outcome totals of one channel stream (hash: delivered, failed, deadLettered,
     * cancelled), counted with the delivered record, hence tagged with the stream.
     */
    public static String channelTotals(String stream) {
        return "channel-totals:{" + stream + "}";
    }

    /** The token bucket that limits a channel's send rate across all worker instances (hash). */
    public static String rateLimit(String channel) {
        return "rate-limit:{" + StreamKeys.notify(channel) + "}";
    }

    // HTTP queue API: every key of one queue carries the hash tag {queue:<name>}, the slot of the
    // stream queue:<name>, so that the queue's Lua scripts stay atomic on a cluster.

    /** Lease deadlines of a queue: sorted set of stream entry id by deadline (epoch ms; 0 = requeued). */
    public static String queueDeadlines(String name) {
        return "queue-deadlines:{" + StreamKeys.queue(name) + "}";
    }

    /** Live receipts of a queue: hash receipt → stream entry id. */
    public static String queueReceipts(String name) {
        return "queue-receipts:{" + StreamKeys.queue(name) + "}";
    }

    /** The current lease of each leased message of a queue: hash stream entry id → receipt. */
    public static String queueLeases(String name) {
        return "queue-leases:{" + StreamKeys.queue(name) + "}";
    }

    /** Deliveries so far of each unacknowledged message of a queue: hash stream entry id → count. */
    public static String queueDeliveries(String name) {
        return "queue-deliveries:{" + StreamKeys.queue(name) + "}";
    }

    /** Pub/sub channel announcing that a queue has a message available (published or requeued). */
    public static String queueSignal(String name) {
        return "queue-signal:{" + StreamKeys.queue(name) + "}";
    }
}
