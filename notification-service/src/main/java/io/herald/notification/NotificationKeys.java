package io.herald.notification;

/**
 * The Redis keys only notification-service uses (docs/design.md §3), built here and nowhere else;
 * the keys other services share are {@code StreamKeys}. Pure functions, thread-safe.
 */
public final class NotificationKeys {

    private NotificationKeys() {
    }

    /**
     * Audience batch numbers of a campaign already appended to one channel stream (set), tagged with
     * the stream; shared with campaign-service, which expires it, hence built in {@code StreamKeys}.
     */
    public static String renderedBatches(String stream, String campaignId) {
        return io.herald.eventstore.StreamKeys.renderedBatches(stream, campaignId);
    }
}
