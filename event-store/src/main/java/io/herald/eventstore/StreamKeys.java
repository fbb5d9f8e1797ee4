package io.herald.eventstore;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Every Redis key Herald uses (docs/design.md §3), built here and nowhere else. Keys that one Lua script
 * touches together share a hash tag (the {@code {…}} part), so that they live in one Redis
 * Cluster slot.
 *
 * <p>Sections are grouped by the service that writes the keys. Pure functions, thread-safe.
 */
public final class StreamKeys {

    // ---- streams (docs/design.md §3) ----
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

    /**
     * Audience batch numbers of a campaign already appended to one channel stream (set), tagged with
     * the stream: written by notification-service, expired with the campaign's records by campaign-service.
     */
    public static String renderedBatches(String stream, String campaignId) {
        return "rendered-batches:{" + stream + "}:" + campaignId;
    }

    /**
     * The notifications settled on one channel stream on one UTC day, by recipient (written by
     * channel-workers with each outcome, hence tagged with the stream; read by user-service): a
     * sorted set of {@link NotificationHistory} members at score 0, so one user's members are
     * contiguous and newest first ({@code ZRANGEBYLEX}). Expires when the history retention has
     * passed the day.
     */
    public static String userNotifications(String stream, java.time.LocalDate day) {
        return "user-notifications:{" + stream + "}:" + day;
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

    // ---- written by campaign-service, read by others ----

    public static String campaign(String id) {
        return "campaign:" + id;
    }

    /** Ids of cancelled campaigns (set, see docs/design.md); channel-workers read it. */
    public static String cancelledCampaigns() {
        return CAMPAIGNS + ":cancelled";
    }

    // ---- written by notification-service, read by campaign-service ----

    /**
     * A campaign's rendering record (hash): {@code batches} (distinct audience batches rendered),
     * {@code lastBatch} (number of the last batch, once seen) and one {@code batch:<n>} marker per
     * rendered batch, so that counting a batch twice is impossible.
     */
    public static String rendered(String campaignId) {
        return "rendered:" + campaignId;
    }
}
