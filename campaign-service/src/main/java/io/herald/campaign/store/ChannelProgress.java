package io.herald.campaign.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of one campaign on one channel (summed over the channel's partitions): written by
 * notification-service ({@code targeted}) and channel-workers (the outcomes).
 */
public record ChannelProgress(long targeted, long delivered, long failed, long deadLettered, long cancelled) {

    static final ChannelProgress NONE = new ChannelProgress(0, 0, 0, 0, 0);

    static ChannelProgress of(Map<String, String> counters) {
        return new ChannelProgress(count(counters, "targeted"), count(counters, "delivered"), count(counters, "failed"),
                count(counters, "deadLettered"), count(counters, "cancelled"));
    }

    ChannelProgress plus(ChannelProgress other) {
        return new ChannelProgress(targeted + other.targeted, delivered + other.delivered, failed + other.failed,
                deadLettered + other.deadLettered, cancelled + other.cancelled);
    }

    /** Every targeted notification has an outcome. */
    public boolean settled() {
        return delivered + failed + deadLettered + cancelled >= targeted;
    }

    /** The counters by name, for event payloads. */
    public Map<String, Long> toMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("targeted", targeted);
        map.put("delivered", delivered);
        map.put("failed", failed);
        map.put("deadLettered", deadLettered);
        map.put("cancelled", cancelled);
        return map;
    }

    private static long count(Map<String, String> counters, String name) {
        String value = counters.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }
}
