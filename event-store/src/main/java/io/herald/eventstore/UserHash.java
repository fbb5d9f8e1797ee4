package io.herald.eventstore;

import java.util.ArrayList;
import java.util.List;

/**
 * The user hash {@code user:<id>} ({@link StreamKeys#user}) as a contract: user-service writes it,
 * notification-service reads a transactional recipient's contact fields from it and
 * channel-workers its {@code categories} and {@code channels} at send time (docs/design.md §8).
 * Lists are stored comma-separated: category and channel names cannot hold a comma.
 */
public final class UserHash {

    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String DEVICE_TOKEN = "deviceToken";
    public static final String CATEGORIES = "categories";
    public static final String CHANNELS = "channels";
    public static final String CREATED_AT = "createdAt";
    public static final String UPDATED_AT = "updatedAt";

    private UserHash() {
    }

    /** The stored form of a list. */
    public static String join(List<String> items) {
        return String.join(",", items);
    }

    /** The items of a stored list, stripped, without empty ones; empty for null. */
    public static List<String> list(String stored) {
        List<String> items = new ArrayList<>();
        if (stored != null) {
            for (String item : stored.split(",")) {
                String stripped = item.strip();
                if (!stripped.isEmpty()) {
                    items.add(stripped);
                }
            }
        }
        return List.copyOf(items);
    }

    /**
     * Whether the stored list names {@code item}, as {@code list(stored).contains(item)} would say.
     * The send-time check asks this twice per notification, hence a scan without allocation.
     */
    public static boolean lists(String stored, String item) {
        if (stored == null) {
            return false;
        }
        for (int from = 0; from <= stored.length(); ) {
            int comma = stored.indexOf(',', from);
            int end = comma < 0 ? stored.length() : comma;
            int start = from;
            while (start < end && Character.isWhitespace(stored.charAt(start))) {
                start++;
            }
            int stop = end;
            while (stop > start && Character.isWhitespace(stored.charAt(stop - 1))) {
                stop--;
            }
            if (stop - start == item.length() && stored.startsWith(item, start)) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }
}
