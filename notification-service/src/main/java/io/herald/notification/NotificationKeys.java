package io.herald.notification;

/**
 * The Redis keys only notification-service uses (docs/design.md §3), built here and nowhere else;
 * the keys other services share are {@code StreamKeys}. Pure functions, thread-safe.
 */
public final class NotificationKeys {

    private NotificationKeys() {
    }

    /** Audience batch numbers of a campaign already appended to one channel stream (set), tagged with the stream. */
    public static String renderedBatches(String stream, String campaignId) {
        return "rendered-batches:{" + stream + "}:" + campaignId;
    }
}
