package io.herald.bench.e2e;

import java.util.Arrays;

/**
 * A latency distribution in milliseconds: nearest-rank percentiles over every observation
 * (exact, no histogram buckets — a run has at most a few hundred thousand values).
 */
public record Latencies(int count, long p50, long p95, long p99, long max) {

    public static final Latencies NONE = new Latencies(0, -1, -1, -1, -1);

    public static Latencies of(long[] millis) {
        if (millis.length == 0) {
            return NONE;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The smallest value with at least {@code percent} % of the values at or below it. */
    private static long rank(long[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
