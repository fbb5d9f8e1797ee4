package io.herald.notification.queue;

import java.util.Optional;

/**
 * The deterministic id of a notification: {@code <campaignId>:<userId>:<channel>}; a transactional
 * notification has the pseudo campaign id {@code tx-<uuid>}. The same recipient of the same
 * campaign on the same channel always has the same id, which is what makes delivery idempotent.
 */
public record NotificationId(String campaignId, String userId, String channel) {

    /** Prefix of the pseudo campaign id of a transactional notification. */
    public static final String TRANSACTIONAL_PREFIX = "tx-";

    /**
     * Reads an id. User ids and channels hold no {@code :}, so the last two parts are the user and
     * the channel and everything before them is the campaign id. Empty when a part is missing or
     * blank, or the id has characters no Herald id has (whitespace, control characters).
     */
    public static Optional<NotificationId> parse(String text) {
        if (text == null || text.length() > 512 || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        int channelColon = text.lastIndexOf(':');
        int userColon = channelColon <= 0 ? -1 : text.lastIndexOf(':', channelColon - 1);
        if (userColon <= 0 || channelColon == text.length() - 1 || userColon + 1 == channelColon) {
            return Optional.empty();
        }
        return Optional.of(new NotificationId(text.substring(0, userColon), text.substring(userColon + 1, channelColon),
                text.substring(channelColon + 1)));
    }

    public boolean isTransactional() {
        return campaignId.startsWith(TRANSACTIONAL_PREFIX);
    }

    /** The stream this notification went to: the priority lane for a transactional one, else its bulk partition. */
    public String stream(io.herald.eventstore.Channels channels) {
        return isTransactional() ? io.herald.eventstore.StreamKeys.priority(channel) : channels.bulkStream(channel, userId);
    }

    @Override
    public String toString() {
        return campaignId + ":" + userId + ":" + channel;
    }
}
