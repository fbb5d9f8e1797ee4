package io.herald.bench.e2e;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The priority lanes' consumer histograms of channel-workers, from one scrape of
 * {@code /actuator/prometheus}: {@code herald.consumer.wait} (how long the oldest entry of a read
 * batch waited in the stream) and {@code herald.consumer.batch} (read to the end of the batch's
 * work: recipient check, send, settlement), bucket counts summed over the priority streams of all
 * channels. Two scrapes give the distribution between them, so the warm-up campaign is left out.
 */
record LaneHistograms(Map<Double, Double> waited, Map<Double, Double> batch) {

    private static final Pattern BUCKET = Pattern.compile(
            "^herald_consumer_(wait|batch)_seconds_bucket\\{(.*)} ([0-9.eE+-]+|\\+Inf|NaN)$");
    private static final Pattern PRIORITY = Pattern.compile("stream=\"notify:[^\"]+:priority\"");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    static LaneHistograms scrape(HeraldApi api) {
        return parse(api.prometheus(Stack.WORKERS));
    }

    static LaneHistograms parse(String prometheusText) {
        Map<Double, Double> wait = new TreeMap<>();
        Map<Double, Double> batch = new TreeMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher bucket = BUCKET.matcher(line.trim());
            if (!bucket.matches() || !PRIORITY.matcher(bucket.group(2)).find()) {
                continue;
            }
            Matcher le = LE.matcher(bucket.group(2));
            if (!le.find()) {
                continue;
            }
            double bound = "+Inf".equals(le.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
            ("wait".equals(bucket.group(1)) ? wait : batch).merge(bound, Double.parseDouble(bucket.group(3)), Double::sum);
        }
        return new LaneHistograms(wait, batch);
    }

    /** Wait and batch distributions of what was recorded after {@code before}. */
    Map<String, Quantiles> since(LaneHistograms before) {
        return Map.of("waitInLane", Quantiles.of(waited, before.waited), "readToSettled", Quantiles.of(batch, before.batch));
    }

    /**
     * Percentiles from cumulative bucket counts, each the upper bound of the bucket holding that
     * rank, in whole milliseconds rounded up: an upper estimate, as precise as the buckets (10-30 %
     * apart). -1: nothing recorded; -2: beyond the last bound (a minute).
     */
    record Quantiles(long count, long p50, long p95, long p99) {

        static Quantiles of(Map<Double, Double> after, Map<Double, Double> before) {
            TreeMap<Double, Double> counts = new TreeMap<>();
            after.forEach((bound, count) -> counts.put(bound, count - before.getOrDefault(bound, 0.0)));
            double total = counts.isEmpty() ? 0 : counts.lastEntry().getValue();
            return new Quantiles(Math.round(total), at(counts, total, 0.50), at(counts, total, 0.95),
                    at(counts, total, 0.99));
        }

        private static long at(Map<Double, Double> cumulative, double total, double quantile) {
            if (total <= 0) {
                return -1;
            }
            for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
                if (bucket.getValue() >= quantile * total) {
                    return Double.isInfinite(bucket.getKey()) ? -2 : (long) Math.ceil(bucket.getKey() * 1000);
                }
            }
            return -2;
        }
    }
}
