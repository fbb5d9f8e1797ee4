package io.herald.campaign;

import io.herald.eventstore.StreamKeys;

/**
 * The Redis keys only campaign-service uses (docs/design.md §3), built here and nowhere else; the
 * keys other services share are {@link StreamKeys}. Each shares the hash tag of what one Lua step
 * touches with it. Pure functions, thread-safe.
 */
public final class CampaignKeys {

    private CampaignKeys() {
    }

    /**
     * The event index of one campaign: hash envelope id → {@code <occurredAtMs> <stream> <entryId>},
     * tagged with {@code campaign:<id>} so that it shares the projection's slot.
     */
    public static String campaignEvents(String id) {
        return "{" + StreamKeys.campaign(id) + "}:events";
    }

    /**
     * What is kept of a campaign once its per-notification records expired (hash, tagged with the
     * projection): {@code progress} (the final counters, JSON {@code {<channel>: {targeted, …}}}) and
     * {@code expiredAt} (ISO-8601). Kept forever, like the projection; a rebuild leaves it alone.
     */
    public static String retained(String id) {
        return "{" + StreamKeys.campaign(id) + "}:retained";
    }

    // The keys below share the hash tag of the campaigns stream: one Lua step touches them
    // together with an XADD to it.

    /** Every campaign id by creation time (sorted set, score = epoch ms), for newest-first listing. */
    public static String campaignIndex() {
        return "{" + StreamKeys.CAMPAIGNS + "}:index";
    }

    /** Campaigns waiting for release: sorted set, score = due epoch ms. */
    public static String campaignSchedule() {
        return "{" + StreamKeys.CAMPAIGNS + "}:schedule";
    }

    /** The {@code campaign_campaign_created} payload of each scheduled campaign: hash id → JSON. */
    public static String campaignSchedulePayloads() {
        return "{" + StreamKeys.CAMPAIGNS + "}:schedule:payloads";
    }

    /** Released campaigns not yet completed or cancelled (set). */
    public static String activeCampaigns() {
        return "{" + StreamKeys.CAMPAIGNS + "}:active";
    }

    /**
     * Ended campaigns whose per-notification records have not expired yet: sorted set, score = the
     * end (epoch ms); added in the step that ends the campaign.
     */
    public static String endedCampaigns() {
        return "{" + StreamKeys.CAMPAIGNS + "}:ended";
    }

    /** The terminal outcome of each ended campaign: hash id → COMPLETED | CANCELLED. */
    public static String campaignOutcomes() {
        return "{" + StreamKeys.CAMPAIGNS + "}:outcomes";
    }

    /** An {@code Idempotency-Key} of a campaign creation: string {@code <bodyHash> <campaignId>}, with a TTL. */
    public static String campaignIdempotency(String key) {
        return "{" + StreamKeys.CAMPAIGNS + "}:idempotency:" + key;
    }
}
