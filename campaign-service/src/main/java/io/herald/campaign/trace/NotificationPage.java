package io.herald.campaign.trace;

import java.util.List;

/**
 * A page of a campaign's notifications. {@code nextCursor} null means the end; a page may hold
 * fewer than {@code limit} items (a status filter, or the end of one channel's records) while
 * more follow.
 */
public record NotificationPage(List<NotificationOutcome> items, String nextCursor) {
}
