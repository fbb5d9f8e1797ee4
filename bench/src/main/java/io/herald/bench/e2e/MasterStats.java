package io.herald.bench.e2e;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How a campaign's Redis work spreads over the masters of a cluster: {@code INFO commandstats} of
 * each master before and after, the calls in between, and each master's share of the hot-path
 * calls (everything but the cluster's and the bench's own housekeeping).
 */
final class MasterStats {

    /** Commands of housekeeping (topology refresh, health, the bench's INFO), not of Herald's work. */
    private static final Set<String> HOUSEKEEPING = Set.of("info", "cluster", "ping", "client", "command", "config",
            "hello", "readonly", "readwrite", "asking", "auth", "select");

    private final List<Integer> masters;
    private final Map<Integer, Map<String, Long>> before = new LinkedHashMap<>();
    private long startNanos;

    MasterStats(List<Integer> masters) {
        this.masters = List.copyOf(masters);
    }

    void start() {
        startNanos = System.nanoTime();
        masters.forEach(port -> before.put(port, calls(port)));
    }

    /**
     * Per master: hot-path calls in the window, their share of all masters' hot-path calls, ops/s,
     * the top commands and {@code used_memory}; plus {@code maxShare} and whether it is at most one half.
     */
    Map<String, Object> stop() {
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        Map<Integer, Map<String, Long>> delta = new LinkedHashMap<>();
        long total = 0;
        for (int port : masters) {
            Map<String, Long> after = calls(port);
            Map<String, Long> window = new LinkedHashMap<>();
            after.forEach((command, count) -> {
                long d = count - before.getOrDefault(port, Map.of()).getOrDefault(command, 0L);
                if (d > 0 && !HOUSEKEEPING.contains(command)) {
                    window.put(command, d);
                }
            });
            delta.put(port, window);
            total += window.values().stream().mapToLong(Long::longValue).sum();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> byMaster = new LinkedHashMap<>();
        double maxShare = 0;
        for (int port : masters) {
            Map<String, Long> window = delta.get(port);
            long calls = window.values().stream().mapToLong(Long::longValue).sum();
            double share = total == 0 ? 0 : (double) calls / total;
            maxShare = Math.max(maxShare, share);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("hotPathCalls", calls);
            one.put("share", Math.round(share * 1000) / 1000.0);
            one.put("opsPerSecond", Math.round(calls / seconds));
            one.put("topCommands", top(window));
            one.put("usedMemoryMb", Long.parseLong(info(port, "memory").getOrDefault("used_memory", "0")) / 1024 / 1024);
            byMaster.put("127.0.0.1:" + port, one);
        }
        result.put("windowSeconds", Math.round(seconds * 10) / 10.0);
        result.put("masters", byMaster);
        result.put("maxShare", Math.round(maxShare * 1000) / 1000.0);
        result.put("noMasterAboveHalf", maxShare <= 0.5);
        return result;
    }

    private static Map<String, Long> top(Map<String, Long> window) {
        Map<String, Long> top = new LinkedHashMap<>();
        window.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** {@code cmdstat_<name>:calls=N,…} of one node as name → N. */
    private static Map<String, Long> calls(int port) {
        Map<String, Long> calls = new LinkedHashMap<>();
        info(port, "commandstats").forEach((field, value) -> {
            if (field.startsWith("cmdstat_")) {
                String count = value.substring(value.indexOf("calls=") + 6, value.indexOf(','));
                calls.put(field.substring(8).replace('|', ' ').split(" ")[0], calls.getOrDefault(
                        field.substring(8).replace('|', ' ').split(" ")[0], 0L) + Long.parseLong(count));
            }
        });
        return calls;
    }

    private static Map<String, String> info(int port, String section) {
        RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return RedisAccess.parseInfo(connection.sync().info(section));
        } finally {
            client.shutdown(0, 0, TimeUnit.MILLISECONDS);
        }
    }
}
