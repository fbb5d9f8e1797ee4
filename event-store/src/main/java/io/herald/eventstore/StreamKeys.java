package io.herald.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Every Redis key Herald uses (DESIGN §3), built here and nowhere else. Keys that one Lua script
 * touches together share a hash tag (the {@code {…}} part), so that they live in one Redis
 * Cluster slot.
 *
 * <p>Sections are grouped by the service that writes the keys. Pure functions, thread-safe.
 */
public final class StreamKeys {

    // ---- streams (DESIGN §3) ----
    public static final String CAMPAIGNS = "campaigns";
    public static final String AUDIENCES = "audiences";
    public static final String USERS = "users";

    private StreamKeys() {
    }

    /** The bulk stream of a channel with one partition: {@code notify:<channel>}. */
    public static String notify(String channel) {
        return "notify:" + channel;
    }

    /**
     * The stream of one partition of a channel: {@code notify:<channel>} when {@code partitions}
     * is 1, else {@code notify:<channel>:<partition>}.
     */
    public static String notify(String channel, int partition, int partitions) {
        return partitions <= 1 ? notify(channel) : notify(channel) + ":" + partition;
    }

    /** The partition (0 … partitions-1) of a user: a stable hash of the user id. */
    public static int partitionOf(String userId, int partitions) {
        if (partitions <= 1) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(userId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }

    /** The transactional lane of a channel, read before its bulk stream. */
    public static String priority(String channel) {
        return notify(channel) + ":priority";
    }

    /** Dead letters of a channel: {@code dlq:<channel>}. */
    public static String deadLetters(String channel) {
        return "dlq:" + channel;
    }

    /** A queue of the HTTP queue API: {@code queue:<name>}. */
    public static String queue(String name) {
        return "queue:" + name;
    }

    // ---- per-stream consumer bookkeeping (event-store runtime), tagged with the stream ----

    /** Entries waiting for a retry: sorted set of entry id by due time (ms). */
    public static String retries(String stream, String group) {
        return "retry:{" + stream + "}:" + group;
    }

    /** Failed attempts per entry id: hash. */
    public static String attempts(String stream, String group) {
        return "attempts:{" + stream + "}:" + group;
    }

    // ---- delivery outcome and progress, tagged with the channel stream ----

    /** notificationId → outcome of one campaign on one channel stream. */
    public static String delivered(String stream, String campaignId) {
        return "delivered:{" + stream + "}:" + campaignId;
    }

    /** Counters (targeted, delivered, failed, deadLettered, cancelled, skipped) of one campaign on one channel stream. */
    public static String progress(String stream, String campaignId) {
        return "progress:{" + stream + "}:" + campaignId;
    }

    // ---- user-service ----
    public static final String CATEGORIES = "categories";

    public static String user(String id) {
        return "user:" + id;
    }

    /** Members of a category: sorted set of user id scored by the numeric id (deterministic order). */
    public static String categoryMembers(String category) {
        return "category:" + category + ":members";
    }

    /** Counter behind user ids ({@code INCR} gives the next numeric id). */
    public static final String USER_IDS = "users:next-id";

    /** Number of fake users seeded so far (string integer), so a restart does not seed again. */
    public static final String USERS_SEEDED = "users:seeded";

    /**
     * The audience of one campaign frozen at resolution time: a copy of the category's members,
     * tagged with the category key so that {@code COPY} stays within one Cluster slot.
     */
    public static String audienceSnapshot(String category, String campaignId) {
        return "audience-snapshot:{" + categoryMembers(category) + "}:" + campaignId;
    }

    /**
     * Audience batches already appended for a campaign: hash batch number → 1, plus {@code last}
     * once the last batch is out. Tagged with {@link #AUDIENCES} so one Lua step appends a batch
     * and records it.
     */
    public static String audienceBatches(String campaignId) {
        return "audience-batches:{" + AUDIENCES + "}:" + campaignId;
    }

    // ---- campaign-service ----

    public static String campaign(String id) {
        return "campaign:" + id;
    }

    /**
     * The event index of one campaign: hash envelope id → {@code <occurredAtMs> <stream> <entryId>},
     * tagged with {@code campaign:<id>} so that it shares the projection's slot.
     */
    public static String campaignEvents(String id) {
        return "{" + campaign(id) + "}:events";
    }

    /** Ids of cancelled campaigns (set, see docs/contracts.md); channel-workers read it. */
    public static String cancelledCampaigns() {
        return CAMPAIGNS + ":cancelled";
    }

    // The keys below share the hash tag of the campaigns stream: one Lua step touches them
    // together with an XADD to it.

    /** Every campaign id by creation time (sorted set, score = epoch ms), for newest-first listing. */
    public static String campaignIndex() {
        return "{" + CAMPAIGNS + "}:index";
    }

    /** Campaigns waiting for release: sorted set, score = due epoch ms. */
    public static String campaignSchedule() {
        return "{" + CAMPAIGNS + "}:schedule";
    }

    /** The {@code campaign_campaign_created} payload of each scheduled campaign: hash id → JSON. */
    public static String campaignSchedulePayloads() {
        return "{" + CAMPAIGNS + "}:schedule:payloads";
    }

    /** Released campaigns not yet completed or cancelled (set). */
    public static String activeCampaigns() {
        return "{" + CAMPAIGNS + "}:active";
    }

    /** The terminal outcome of each ended campaign: hash id → COMPLETED | CANCELLED. */
    public static String campaignOutcomes() {
        return "{" + CAMPAIGNS + "}:outcomes";
    }

    /** An {@code Idempotency-Key} of a campaign creation: string {@code <bodyHash> <campaignId>}, with a TTL. */
    public static String campaignIdempotency(String key) {
        return "{" + CAMPAIGNS + "}:idempotency:" + key;
    }

    // ---- notification-service ----

    /**
     * A campaign's rendering record (hash): {@code batches} (distinct audience batches rendered),
     * {@code lastBatch} (number of the last batch, once seen) and one {@code batch:<n>} marker per
     * rendered batch, so that counting a batch twice is impossible.
     */
    public static String rendered(String campaignId) {
        return "rendered:" + campaignId;
    }

    /** Audience batch numbers of a campaign already appended to one channel stream (set), tagged with the stream. */
    public static String renderedBatches(String stream, String campaignId) {
        return "rendered-batches:{" + stream + "}:" + campaignId;
    }

    // ---- channel-workers ----

    /**
     * Running outcome totals of one channel stream (hash: delivered, failed, deadLettered,
     * cancelled, skipped), counted with the delivered record, hence tagged with the stream.
     */
    public static String channelTotals(String stream) {
        return "channel-totals:{" + stream + "}";
    }

    /**
     * The notifications settled on one channel stream on one UTC day, by recipient: a sorted set
     * of members {@code <userId>:<13-digit 9999999999999 - settledAtMillis>:<notificationId>} at
     * score 0, so one user's members are contiguous and newest first ({@code ZRANGEBYLEX}). Written
     * with the outcome (hence tagged with the stream); expires when the history retention has
     * passed the day.
     */
    public static String userNotifications(String stream, java.time.LocalDate day) {
        return "user-notifications:{" + stream + "}:" + day;
    }

    /** The token bucket that limits a channel's send rate across all worker instances (hash). */
    public static String rateLimit(String channel) {
        return "rate-limit:{" + notify(channel) + "}";
    }

    // HTTP queue API: every key of one queue carries the hash tag {queue:<name>}, the slot of the
    // stream queue:<name>, so that the queue's Lua scripts stay atomic on a cluster.

    /** Lease deadlines of a queue: sorted set of stream entry id by deadline (epoch ms; 0 = requeued). */
    public static String queueDeadlines(String name) {
        return "queue-deadlines:{" + queue(name) + "}";
    }

    /** Live receipts of a queue: hash receipt → stream entry id. */
    public static String queueReceipts(String name) {
        return "queue-receipts:{" + queue(name) + "}";
    }

    /** The current lease of each leased message of a queue: hash stream entry id → receipt. */
    public static String queueLeases(String name) {
        return "queue-leases:{" + queue(name) + "}";
    }

    /** Deliveries so far of each unacknowledged message of a queue: hash stream entry id → count. */
    public static String queueDeliveries(String name) {
        return "queue-deliveries:{" + queue(name) + "}";
    }

    /** Pub/sub channel announcing that a queue has a message available (published or requeued). */
    public static String queueSignal(String name) {
        return "queue-signal:{" + queue(name) + "}";
    }
}
