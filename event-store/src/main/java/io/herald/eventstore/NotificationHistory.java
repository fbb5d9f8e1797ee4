package io.herald.eventstore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The member format of the per-user notification index {@link StreamKeys#userNotifications}
 * (docs/traceability.md), shared by its writer (channel-workers) and its reader (user-service):
 * {@code <userId>:<13 digits: 9999999999999 - settledAtMillis>:<notificationId>}. All members of a
 * day's index have score 0, so one user's members are contiguous, newest first. Pure functions.
 */
public final class NotificationHistory {

    private static final long LATEST = 9_999_999_999_999L;

    /** One indexed notification. */
    public record Entry(String userId, Instant settledAt, String notificationId) {
    }

    private NotificationHistory() {
    }

    public static String member(String userId, Instant settledAt, String notificationId) {
        // zero-padded by hand: String.format parses its pattern on every call (one per settled notification)
        String inverted = Long.toString(LATEST - settledAt.toEpochMilli());
        return userId + ":" + "0".repeat(Math.max(0, 13 - inverted.length())) + inverted + ":" + notificationId;
    }

    /** What every member of {@code userId} starts with. */
    public static String prefix(String userId) {
        return userId + ":";
    }

    /** The day bucket a notification settled at {@code at} is indexed under (UTC). */
    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The entry a member stands for, or null for a member not in this format. */
    public static Entry parse(String member) {
        int first = member.indexOf(':');
        int second = first < 0 ? -1 : member.indexOf(':', first + 1);
        if (second != first + 14) {
            return null;
        }
        try {
            long inverted = Long.parseLong(member.substring(first + 1, second));
            return new Entry(member.substring(0, first), Instant.ofEpochMilli(LATEST - inverted),
                    member.substring(second + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
