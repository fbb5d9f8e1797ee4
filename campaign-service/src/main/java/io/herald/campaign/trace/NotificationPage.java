package io.herald.campaign.trace;

import java.time.Instant;
import java.util.List;

/**
 * A page of a campaign's notifications. {@code nextCursor} null means the end; a page may hold
 * fewer than {@code limit} items (a status filter, or the end of one channel's records) while
 * more follow.
 *
 * @param detailExpired true once the campaign's per-notification records expired (its retention
 *     after the end passed): the page is empty because the detail is gone, not because nothing was
 *     sent; the campaign itself keeps its final counters
 * @param detailExpiresAt when the records expire(d): set once the campaign has ended, null before
 */
public record NotificationPage(List<NotificationOutcome> items, String nextCursor, boolean detailExpired,
                               Instant detailExpiresAt) {

    /** A page of a campaign whose records are still kept. */
    NotificationPage(List<NotificationOutcome> items, String nextCursor) {
        this(items, nextCursor, false, null);
    }

    NotificationPage expiring(Instant at, boolean expired) {
        return new NotificationPage(items, nextCursor, expired, at);
    }
}
