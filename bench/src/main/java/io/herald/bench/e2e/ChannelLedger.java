package io.herald.bench.e2e;

import io.herald.eventstore.StreamKeys;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where one campaign stands on one channel stream, read from Redis: the progress counters
 * (docs/design.md §3: {@code targeted}, {@code delivered}, {@code failed}, {@code deadLettered},
 * {@code cancelled}) and the outcome records ({@code delivered:{<stream>}:<campaignId>}, one per
 * notification, JSON with {@code status} and {@code at}).
 *
 * @param records number of outcome records (one per distinct notification)
 * @param recordsByStatus records per {@code status}
 * @param deliveredAtMillis epoch millis of each {@code DELIVERED} record's {@code at}
 */
public record ChannelLedger(String stream, long targeted, long delivered, long failed, long deadLettered,
                            long cancelled, long records, Map<String, Long> recordsByStatus,
                            long[] deliveredAtMillis) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Counters only (one {@code HGETALL}). */
    public static ChannelLedger counters(RedisAccess redis, String stream, String campaignId) {
        Map<String, String> progress = redis.sync().hgetall(StreamKeys.progress(stream, campaignId));
        return new ChannelLedger(stream, number(progress, "targeted"), number(progress, "delivered"),
                number(progress, "failed"), number(progress, "deadLettered"), number(progress, "cancelled"),
                -1, Map.of(), new long[0]);
    }

    /** Counters and every outcome record ({@code HSCAN} in pages of 2,000). */
    public static ChannelLedger read(RedisAccess redis, String stream, String campaignId) {
        ChannelLedger counters = counters(redis, stream, campaignId);
        Map<String, Long> byStatus = new TreeMap<>();
        long[] at = new long[(int) Math.max(16, counters.targeted())];
        int delivered = 0;
        long records = 0;
        String key = StreamKeys.delivered(stream, campaignId);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            MapScanCursor<String, String> page = redis.sync().hscan(key, cursor, ScanArgs.Builder.limit(2000));
            for (String value : page.getMap().values()) {
                records++;
                JsonNode outcome = JSON.readTree(value);
                String status = outcome.path("status").asString("UNKNOWN");
                byStatus.merge(status, 1L, Long::sum);
                if ("DELIVERED".equals(status) && outcome.hasNonNull("at")) {
                    if (delivered == at.length) {
                        at = java.util.Arrays.copyOf(at, at.length * 2);
                    }
                    at[delivered++] = Instant.parse(outcome.get("at").asString()).toEpochMilli();
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return new ChannelLedger(stream, counters.targeted, counters.delivered, counters.failed,
                counters.deadLettered, counters.cancelled, records, byStatus, java.util.Arrays.copyOf(at, delivered));
    }

    /** delivered + failed + dead-lettered + cancelled: notifications that reached an end. */
    public long settled() {
        return delivered + failed + deadLettered + cancelled;
    }

    /** Every targeted notification settled, and counted exactly as often as it was recorded. */
    public boolean complete() {
        return targeted > 0 && settled() == targeted && (records < 0 || records == settled());
    }

    /** Latest delivery instant (epoch ms), or -1. */
    public long lastDeliveryMillis() {
        long last = -1;
        for (long value : deliveredAtMillis) {
            last = Math.max(last, value);
        }
        return last;
    }

    private static long number(Map<String, String> hash, String field) {
        String value = hash.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }
}
