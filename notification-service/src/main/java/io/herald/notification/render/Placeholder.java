package io.herald.notification.render;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The values a template may name: {@code {{userId}}}, {@code {{name}}}, {@code {{firstName}}}
 * (the name up to its first space), {@code {{email}}}, {@code {{phone}}}, {@code {{deviceToken}}},
 * {@code {{campaignId}}} and {@code {{campaignName}}}. Names are matched case-insensitively. A
 * value the recipient does not have renders as the empty string.
 */
enum Placeholder {

    USER_ID("userId", (Values v) -> v.recipient().userId()),
    NAME("name", (Values v) -> v.recipient().name()),
    FIRST_NAME("firstName", (Values v) -> firstWord(v.recipient().name())),
    EMAIL("email", (Values v) -> v.recipient().email()),
    PHONE("phone", (Values v) -> v.recipient().phone()),
    DEVICE_TOKEN("deviceToken", (Values v) -> v.recipient().deviceToken()),
    CAMPAIGN_ID("campaignId", Values::campaignId),
    CAMPAIGN_NAME("campaignName", Values::campaignName);

    /** What a placeholder is filled from: the recipient and the campaign. */
    record Values(Recipient recipient, String campaignId, String campaignName) {
    }

    private static final Map<String, Placeholder> BY_NAME = byName();

    private final String placeholderName;
    private final Function<Values, String> value;

    Placeholder(String placeholderName, Function<Values, String> value) {
        this.placeholderName = placeholderName;
        this.value = value;
    }

    /** The placeholder called {@code name} (trimmed, any case); null when there is none. */
    static Placeholder named(String name) {
        return BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
    }

    /** The value for these recipient and campaign; never null. */
    String valueOf(Values values) {
        String v = value.apply(values);
        return v == null ? "" : v;
    }

    String placeholderName() {
        return placeholderName;
    }

    private static String firstWord(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static Map<String, Placeholder> byName() {
        Map<String, Placeholder> map = new java.util.HashMap<>();
        for (Placeholder p : values()) {
            map.put(p.placeholderName.toLowerCase(Locale.ROOT), p);
        }
        return Map.copyOf(map);
    }
}
