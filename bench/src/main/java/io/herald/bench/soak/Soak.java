package io.herald.bench.soak;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.HeraldApi;
import io.herald.bench.e2e.Processes;
import io.herald.bench.e2e.RedisAccess;
import io.herald.bench.e2e.Report;
import io.herald.bench.e2e.SmtpSink;
import io.herald.bench.e2e.Stack;
import io.herald.bench.e2e.Waits;
import io.herald.bench.e2e.Watchdog;
import io.herald.testsupport.RedisServerProcess;
import io.herald.testsupport.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The memory soak (issue 16): seeds the users, runs {@code --campaigns} campaigns back to back with
 * {@code herald.retention.after-completion = --retention}, samples {@code used_memory} after each,
 * then waits until every campaign's records expired and the streams are trimmed, and samples again.
 * Prints the table, the slope (bytes per campaign, least squares) and the verdict: after the window
 * memory is within 10 % of what must stay (the users, plus each campaign's history: its projection,
 * event index, kept counters and its entries in {@code campaigns}). Writes
 * {@code bench/results/soak-<timestamp>.json}. Exit status 0 when the plateau holds.
 *
 * <p>Over 200 lines on purpose: a command-line tool's sequence (seed, settle, campaigns, window,
 * key walk, verdict), read top to bottom; its measuring rules sit next to the step that uses them.
 */
public final class Soak {

    private static final String API_KEY = "soak-key";
    private static final double PLATEAU_TOLERANCE = 0.10;

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        SoakOptions options = SoakOptions.parseOrExit(args);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = options.root().resolve("bench").resolve("results");
        Path directory = results.resolve("soak-" + stamp);
        Files.createDirectories(directory);
        Watchdog.start(options.timeout().multipliedBy(options.campaigns() + 2L).plus(options.retention().multipliedBy(3)));
        Map<String, Object> report;
        boolean holds;
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary(), directory, List.of());
             SmtpSink smtp = new SmtpSink().start();
             RedisAccess access = new RedisAccess(redis.url());
             Stack stack = new Stack(new Stack.Settings(options.root(), directory, redis.url(), smtp.port(), API_KEY,
                     options.channels(), options.javaOptions()))) {
            long empty = access.usedMemory();
            start(stack, options);
            long users = settledMemory(access);
            Map<String, Long> keysSeeded = keyFamilies(access);
            // read after the key walk, as the final figure is: the walk (MEMORY USAGE of every key)
            // itself leaves used_memory higher (59.5 -> 68.0 MB at 100,000 users), for good
            long seeded = settledMemory(access);
            Map<String, String> memorySeeded = memoryBreakdown(access);
            HeraldApi api = new HeraldApi(stack, API_KEY);
            Audience audience = Audience.choose(api, access, options.category());
            say(String.format("seeded %d users: used_memory %d -> %d (%.0f B/user); campaigns to %s (%d members), "
                            + "retention %s", options.users(), empty, users, (users - empty) / (double) options.users(),
                    audience.category(), audience.members(), options.retention()));
            List<Map<String, Object>> rows = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            long notifications = 0;
            for (int n = 1; n <= options.campaigns(); n++) {
                long before = access.usedMemory();
                CampaignWatch watch = CampaignWatch.create(api, audience.category(), options.channels());
                if (!watch.awaitEnd(options.timeout())) {
                    throw new IllegalStateException("campaign " + n + " did not end within " + options.timeout()
                            + " (status " + watch.status() + ")");
                }
                long after = access.usedMemory();
                long targeted = watch.progress("targeted");
                notifications += targeted;
                ids.add(watch.id());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("campaign", n);
                row.put("id", watch.id());
                row.put("notifications", targeted);
                row.put("usedMemory", after);
                row.put("bytesPerNotificationHeld", targeted == 0 ? 0.0 : (after - before) / (double) targeted);
                rows.add(row);
                say(String.format("campaign %2d: %d notifications, used_memory %d (%+d, %.0f B/notification held)", n,
                        targeted, after, after - before, (double) row.get("bytesPerNotificationHeld")));
            }
            Duration window = awaitRetention(access, options);
            long settled = settledMemory(access);
            Map<String, Long> keysAfter = keyFamilies(access);
            Map<String, Long> grown = new LinkedHashMap<>();
            keysAfter.forEach((family, bytes) -> {
                long delta = bytes - keysSeeded.getOrDefault(family, 0L);
                if (delta != 0) {
                    grown.put(family, delta);
                }
            });
            say("key families grown between seeding and after retention (bytes, MEMORY USAGE): " + grown);
            say("INFO memory seeded: " + memorySeeded + "; after retention: " + memoryBreakdown(access));
            long histories = histories(access, ids);
            long mustStay = seeded + histories;
            double slope = slope(rows);
            double keptPerNotification = (settled - mustStay) / (double) Math.max(1, notifications);
            holds = settled <= mustStay * (1 + PLATEAU_TOLERANCE);
            List<String> restarted = stack.processes().stream().filter(p -> !p.alive()).map(ServiceProcess::name).toList();
            holds &= restarted.isEmpty();
            report = new LinkedHashMap<>();
            report.put("timestamp", stamp);
            report.put("users", options.users());
            report.put("campaigns", options.campaigns());
            report.put("retention", options.retention().toString());
            report.put("usedMemoryEmpty", empty);
            report.put("usedMemorySeeded", seeded);
            report.put("bytesPerUser", (users - empty) / (double) options.users());
            report.put("rows", rows);
            report.put("retentionWindowWaited", window.toString());
            report.put("usedMemoryAfterRetention", settled);
            report.put("campaignHistoriesBytes", histories);
            report.put("mustStay", mustStay);
            report.put("slopeBytesPerCampaign", slope);
            report.put("bytesKeptPerCompletedNotification", keptPerNotification);
            report.put("servicesDead", restarted);
            report.put("keyFamiliesSeeded", keysSeeded);
            report.put("keyFamiliesAfterRetention", keysAfter);
            report.put("keyFamiliesGrown", grown);
            report.put("memorySeeded", memorySeeded);
            report.put("memoryAfterRetention", memoryBreakdown(access));
            report.put("load", Processes.run(Duration.ofSeconds(5), "uptime").strip());
            report.put("holds", holds);
            System.out.println();
            System.out.println(table(report, rows));
            Report.write(report, results.resolve("soak-" + stamp + ".json"));
            say("results written to " + results.resolve("soak-" + stamp + ".json"));
        }
        if (!options.keep()) {
            Processes.deleteTree(directory);
        }
        System.exit(holds ? 0 : 1);
    }

    private static void start(Stack stack, SoakOptions options) {
        Map<String, String> retention = Map.of("HERALD_RETENTION_AFTERCOMPLETION", options.retention().toString(),
                "HERALD_RETENTION_INTERVAL", options.interval().toString());
        Map<String, String> users = new LinkedHashMap<>(retention);
        users.put("HERALD_USERS_SEED_COUNT", Integer.toString(options.users()));
        stack.define(Stack.USERS, Stack.USERS, users, List.of());
        for (String module : List.of(Stack.CAMPAIGNS, Stack.NOTIFICATIONS, Stack.WORKERS)) {
            stack.define(module, module, retention, List.of());
        }
        stack.processes().forEach(ServiceProcess::launch);
        stack.processes().forEach(process -> process.awaitHealthy(options.startTimeout()));
        stack.get(Stack.USERS).awaitLogLine(Stack.SEEDED, Duration.ofMinutes(10));
    }

    /**
     * used_memory once it has stopped moving (seeding's e-mail index is built beside the write
     * path, by user-service's projection from the users stream): two samples 5 s apart within
     * 64 KiB or 0.05 %, at most three minutes. (0.5 % in 3 s was too loose: at 100,000 users the
     * projection still grew memory by 8 MB after such a "settled" sample.)
     */
    private static long settledMemory(RedisAccess access) {
        long[] last = {access.usedMemory()};
        Waits.within(Duration.ofMinutes(3), Duration.ofSeconds(5), () -> {
            long now = access.usedMemory();
            boolean still = Math.abs(now - last[0]) <= Math.max(64 * 1024, last[0] / 2000);
            last[0] = now;
            return still;
        });
        return last[0];
    }

    /**
     * Waits until no campaign awaits expiry and every stream is trimmed (nothing left in the
     * channel streams or {@code audiences}), at most three retention windows past the last end.
     */
    private static Duration awaitRetention(RedisAccess access, SoakOptions options) {
        long start = System.nanoTime();
        Duration bound = options.retention().multipliedBy(3).plus(options.interval().multipliedBy(6));
        boolean done = Waits.within(bound, Duration.ofSeconds(1), () -> access.sync().zcard("{campaigns}:ended") == 0
                && streamsTrimmed(access, options));
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        say((done ? "records expired and streams trimmed after " : "NOT all expired/trimmed after ") + waited);
        return waited;
    }

    private static boolean streamsTrimmed(RedisAccess access, SoakOptions options) {
        long left = access.sync().xlen("audiences");
        for (String channel : options.channels()) {
            left += access.sync().xlen("notify:" + channel);
        }
        return left == 0;
    }

    /** What each campaign keeps for good, plus the {@code campaigns} stream (the history) and the campaign index. */
    private static long histories(RedisAccess access, List<String> ids) {
        long bytes = usage(access, "campaigns") + usage(access, "{campaigns}:index")
                + usage(access, "{campaigns}:outcomes");
        for (String id : ids) {
            bytes += usage(access, "campaign:" + id) + usage(access, "{campaign:" + id + "}:events")
                    + usage(access, "{campaign:" + id + "}:retained");
        }
        return bytes;
    }

    /**
     * Bytes per key family ({@code MEMORY USAGE} summed by the key's prefix up to its first ':' or
     * '{', streams named whole), to tell what stayed; a bench-only SCAN of the bench's own Redis.
     */
    private static Map<String, Long> keyFamilies(RedisAccess access) {
        Map<String, Long> families = new java.util.TreeMap<>();
        io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
        do {
            io.lettuce.core.KeyScanCursor<String> page = access.sync().scan(cursor, io.lettuce.core.ScanArgs.Builder.limit(1000));
            for (String key : page.getKeys()) {
                families.merge(family(key), usage(access, key), Long::sum);
            }
            cursor = page;
        } while (!cursor.isFinished());
        return families;
    }

    static String family(String key) {
        if (key.startsWith("notify:") || key.startsWith("queue:") || key.startsWith("dlq:")) {
            return key;
        }
        int end = key.length();
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ':' || c == '{') {
                end = i;
                break;
            }
        }
        if (key.startsWith("{")) {
            int close = key.indexOf('}');
            String tag = close > 0 ? key.substring(1, close) : key;
            return "{" + (tag.contains(":") ? tag.substring(0, tag.indexOf(':')) + ":*" : tag) + "}"
                    + (close > 0 && close + 1 < key.length() ? key.substring(close + 1).replaceAll(":[^:]+$", ":*") : "");
        }
        return key.substring(0, end) + (end < key.length() ? ":*" : "");
    }

    private static Map<String, String> memoryBreakdown(RedisAccess access) {
        Map<String, String> info = access.info("memory");
        Map<String, String> kept = new LinkedHashMap<>();
        for (String field : List.of("used_memory", "used_memory_dataset", "used_memory_overhead", "mem_clients_normal",
                "used_memory_scripts", "used_memory_vm_eval", "mem_fragmentation_ratio")) {
            kept.put(field, info.getOrDefault(field, "?"));
        }
        return kept;
    }

    private static long usage(RedisAccess access, String key) {
        Long bytes = access.sync().memoryUsage(key);
        return bytes == null ? 0 : bytes;
    }

    /** Least-squares slope of used_memory over the campaign number, in bytes per campaign. */
    static double slope(List<Map<String, Object>> rows) {
        int n = rows.size();
        if (n < 2) {
            return 0;
        }
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (Map<String, Object> row : rows) {
            double x = ((Number) row.get("campaign")).doubleValue();
            double y = ((Number) row.get("usedMemory")).doubleValue();
            sx += x;
            sy += y;
            sxy += x * y;
            sxx += x * x;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static String table(Map<String, Object> report, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-10s %14s %16s %14s%n", "campaign", "notifications", "used_memory", "B/notif held"));
        out.append(String.format("%-10s %14s %16d %14s%n", "seeded", "-", (long) report.get("usedMemorySeeded"), "-"));
        for (Map<String, Object> row : rows) {
            out.append(String.format("%-10s %14d %16d %14.0f%n", row.get("campaign"), (long) row.get("notifications"),
                    (long) row.get("usedMemory"), (double) row.get("bytesPerNotificationHeld")));
        }
        out.append(String.format("%-10s %14s %16d %14s%n", "retained", "-", (long) report.get("usedMemoryAfterRetention"), "-"));
        out.append(String.format("soak: users %d B/user %.0f | slope %.0f B/campaign | after retention %d vs must stay %d "
                        + "(users + histories %d) | kept per completed notification %.1f B | %s | load %s%n",
                report.get("users"), (double) report.get("bytesPerUser"), (double) report.get("slopeBytesPerCampaign"),
                (long) report.get("usedMemoryAfterRetention"), (long) report.get("mustStay"),
                (long) report.get("campaignHistoriesBytes"), (double) report.get("bytesKeptPerCompletedNotification"),
                (boolean) report.get("holds") ? "PLATEAU HOLDS" : "PLATEAU DOES NOT HOLD", report.get("load")));
        return out.toString();
    }

    static void say(String message) {
        System.out.println("soak: " + message);
    }
}
