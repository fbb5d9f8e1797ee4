package io.herald.bench.e2e;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis's own count of the commands it ran ({@code INFO commandstats}), taken before and after a
 * campaign: calls and Redis CPU per notification by command, which shows how many round trips and
 * how much server time each notification costs (one Redis only; a cluster spreads them over nodes).
 * Redis counts each command a Lua script runs as a call of that command, and the script's own
 * microseconds include them: the totals count a script's work twice.
 */
final class RedisCommandStats {

    private static final Pattern STAT = Pattern.compile("calls=(\\d+),usec=(\\d+)");
    private static final int SHOWN = 10;

    private final Map<String, long[]> callsAndMicros;

    private RedisCommandStats(Map<String, long[]> callsAndMicros) {
        this.callsAndMicros = callsAndMicros;
    }

    static RedisCommandStats take(RedisAccess redis) {
        return of(redis.info("commandstats"));
    }

    /** From the fields of {@code INFO commandstats} ({@code cmdstat_xadd -> calls=3,usec=12,…}). */
    static RedisCommandStats of(Map<String, String> info) {
        Map<String, long[]> stats = new LinkedHashMap<>();
        info.forEach((field, value) -> {
            Matcher m = STAT.matcher(value);
            if (field.startsWith("cmdstat_") && m.find()) {
                stats.put(field.substring("cmdstat_".length()), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
        });
        return new RedisCommandStats(stats);
    }

    /**
     * What ran between {@code before} and this snapshot, per notification: the total, and the
     * {@value #SHOWN} commands with the most calls, each as calls and Redis microseconds.
     */
    Map<String, Object> perNotificationSince(RedisCommandStats before, long notifications) {
        Map<String, double[]> delta = new LinkedHashMap<>();
        callsAndMicros.forEach((command, now) -> {
            long[] then = before.callsAndMicros.getOrDefault(command, new long[2]);
            if (now[0] > then[0]) {
                delta.put(command, new double[] {(now[0] - then[0]) / (double) notifications,
                        (now[1] - then[1]) / (double) notifications});
            }
        });
        Map<String, Object> top = new LinkedHashMap<>();
        delta.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, double[]> e) -> e.getValue()[0]).reversed())
                .limit(SHOWN)
                .forEach(e -> top.put(e.getKey(), Map.of("calls", round(e.getValue()[0]), "micros", round(e.getValue()[1]))));
        return Map.of("calls", round(delta.values().stream().mapToDouble(d -> d[0]).sum()),
                "micros", round(delta.values().stream().mapToDouble(d -> d[1]).sum()), "byCommand", top);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
