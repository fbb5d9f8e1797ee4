package io.herald.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's figures: JSON for machines, one table for people.
 *
 * <p>Over 200 lines on purpose: every figure's label and unit live here, next to the JSON field it
 * is read from, so that the printed table and the JSON cannot drift apart.
 */
public final class Report {

    /** The bench's own JVM in the resources: the SMTP sink, the transactional probe, the polling. */
    static final String BENCH_JVM = "bench-jvm";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Report() {
    }

    public static void write(Object report, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Map<String, Object> channel(ChannelLedger ledger, double perSecond, Latencies latency) {
        Map<String, Object> channel = new LinkedHashMap<>();
        channel.put("targeted", ledger.targeted());
        channel.put("delivered", ledger.delivered());
        channel.put("failed", ledger.failed());
        channel.put("deadLettered", ledger.deadLettered());
        channel.put("cancelled", ledger.cancelled());
        channel.put("skipped", ledger.skipped());
        channel.put("records", ledger.records());
        channel.put("perSecond", Math.round(perSecond));
        channel.put("latencyMs", latency);
        return channel;
    }

    /** The figures of a warm-up campaign kept in the report. */
    static Map<String, Object> warmup(Map<String, Object> campaign) {
        Map<String, Object> warm = new LinkedHashMap<>();
        warm.put("campaign", campaign.get("campaign"));
        warm.put("delivered", campaign.get("delivered"));
        warm.put("endToEndPerSecond", campaign.get("endToEndPerSecond"));
        warm.put("latencyMs", campaign.get("latencyMs"));
        return warm;
    }

    static Map<String, Long> millis(Map<String, Duration> durations) {
        Map<String, Long> millis = new LinkedHashMap<>();
        durations.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(e -> millis.put(e.getKey(), e.getValue().toMillis()));
        return millis;
    }

    /** CPU (% of a core) and RSS (MB) per process and phase. */
    static Map<String, Object> resources(List<ProcessSampler.Sample> samples, List<String> names) {
        Map<String, Object> resources = new LinkedHashMap<>();
        for (String name : names) {
            Map<String, Object> phases = new LinkedHashMap<>();
            for (String phase : List.of("seed", "warmup", "campaign", "idle")) {
                ProcessSampler.Usage usage = ProcessSampler.usage(samples, name, phase);
                if (usage.samples() > 0) {
                    phases.put(phase, Map.of("samples", usage.samples(),
                            "cpuPercent", Math.round(usage.cpuPercent() * 10) / 10.0,
                            "cpuSeconds", Math.round(usage.cpuSeconds() * 100) / 100.0,
                            "avgRssMb", usage.avgRssKb() / 1024, "maxRssMb", usage.maxRssKb() / 1024));
                }
            }
            resources.put(name, phases);
        }
        return resources;
    }

    /** The summary table printed at the end of a run. */
    public static String table(Object report) {
        JsonNode r = JSON.valueToTree(report);
        StringBuilder out = new StringBuilder("\n");
        JsonNode m = r.path("machine");
        line(out, "machine", m.path("cores").asInt() + " cores, " + m.path("memoryMb").asLong() + " MB, "
                + m.path("jdk").asString() + ", Redis " + m.path("redis").asString());
        line(out, "load average (start → end)", m.path("loadAverageAtStart").asString() + " → "
                + r.path("loadAverageAtEnd").asString());
        if (r.has("xaddBaselinePerSecond")) {
            line(out, "XADD baseline (redis-benchmark -P 50)", r.path("xaddBaselinePerSecond").asLong() + " /s");
        }
        JsonNode cds = r.path("classDataSharing");
        r.path("startupMs").properties().forEach(e -> line(out, "start-up " + e.getKey(), e.getValue().asLong() + " ms"
                + (cds.path(e.getKey()).isBoolean() ? cds.path(e.getKey()).asBoolean() ? " (CDS archive)"
                        : " (no CDS archive yet: recording one)" : "")));
        JsonNode seed = r.path("seeding");
        line(out, "seeding", seed.path("users").asLong() + " users in " + seed.path("loggedMs").asLong() + " ms");
        r.path("warmup").forEach(w -> line(out, "warm-up campaign (cold JVMs)", w.path("delivered").asLong()
                + " notifications in " + w.path("campaign").path("durationMs").asLong() + " ms, "
                + w.path("endToEndPerSecond").asLong() + " /s, latency " + latency(w.path("latencyMs"))));
        JsonNode c = r.path("campaign");
        line(out, "campaign", c.path("category").asString() + ", " + c.path("subscribers").asLong() + " subscribers, "
                + c.path("status").asString() + " in " + c.path("durationMs").asLong() + " ms");
        line(out, "  status first seen (ms after POST)", c.path("statusFirstSeenMs").toString());
        c.path("channels").properties().forEach(e -> {
            JsonNode ch = e.getValue();
            line(out, "  " + e.getKey(), ch.path("delivered").asLong() + "/" + ch.path("targeted").asLong()
                    + " delivered (failed " + ch.path("failed").asLong() + ", dead " + ch.path("deadLettered").asLong()
                    + ", skipped " + ch.path("skipped").asLong() + "), " + ch.path("perSecond").asLong() + " /s, latency " + latency(ch.path("latencyMs")));
        });
        line(out, "end-to-end", r.path("delivered").asLong() + " notifications, " + r.path("endToEndPerSecond").asLong()
                + " /s" + (r.has("ratioToXaddBaseline") ? ", ratio to XADD " + r.path("ratioToXaddBaseline").asDouble() : ""));
        cpuPerNotification(out, r);
        line(out, "campaign latency", latency(r.path("latencyMs")));
        JsonNode tx = r.path("transactional");
        line(out, "transactional", tx.path("notifications").asLong() + " sent, " + tx.path("undelivered").asLong()
                + " undelivered, latency " + latency(tx.path("latency")));
        line(out, "  POST → 202 (accepted, queued)", latency(tx.path("accepting")));
        line(out, "  202 → delivered", latency(tx.path("afterAccepted")));
        JsonNode lanes = r.path("priorityLanes");
        if (!lanes.isMissingNode()) {
            line(out, "  waiting in the priority lane", quantiles(lanes.path("waitInLane")));
            line(out, "  read → settled (priority)", quantiles(lanes.path("readToSettled")));
        }
        String all = r.path("warmup").isEmpty() ? "" : " (all campaigns)";
        line(out, "SMTP sink" + all, r.path("sinks").path("smtp").toString());
        line(out, "log senders" + all, r.path("sinks").path("logSenders").toString());
        r.path("resources").properties().forEach(e -> {
            JsonNode p = e.getValue();
            line(out, "resources " + e.getKey(), "seed " + usage(p.path("seed")) + "; campaign " + usage(p.path("campaign"))
                    + "; idle " + usage(p.path("idle")));
        });
        if (r.has("redisUsedMemoryMb")) {
            line(out, "Redis used memory", r.path("redisUsedMemoryMb").asLong() + " MB after the run");
        }
        return out.toString();
    }

    /** The two runs of {@code --cluster} side by side: throughput, and how the cluster spread the work. */
    static Map<String, Object> comparison(Map<String, Object> report) {
        JsonNode one = JSON.valueToTree(report.get("standalone"));
        JsonNode cluster = JSON.valueToTree(report.get("cluster"));
        Map<String, Object> comparison = new java.util.LinkedHashMap<>();
        comparison.put("standaloneEndToEndPerSecond", one.path("endToEndPerSecond").asLong());
        comparison.put("clusterEndToEndPerSecond", cluster.path("endToEndPerSecond").asLong());
        comparison.put("clusterMaxMasterShare", cluster.path("perMaster").path("maxShare").asDouble());
        comparison.put("noMasterAboveHalf", cluster.path("perMaster").path("noMasterAboveHalf").asBoolean());
        comparison.put("bothCompleted", one.path("campaign").path("completed").asBoolean()
                && cluster.path("campaign").path("completed").asBoolean());
        return comparison;
    }

    /** Per master of the cluster run: hot-path calls and share, ops/s, CPU and memory. */
    static String clusterTable(Object report) {
        JsonNode r = JSON.valueToTree(report);
        JsonNode cluster = r.path("cluster");
        StringBuilder out = new StringBuilder("\n");
        cluster.path("perMaster").path("masters").properties().forEach(e -> {
            JsonNode m = e.getValue();
            JsonNode cpu = cluster.path("resources").path("redis-" + e.getKey().substring(e.getKey().indexOf(':') + 1));
            line(out, "master " + e.getKey(), m.path("hotPathCalls").asLong() + " calls (share "
                    + m.path("share").asDouble() + "), " + m.path("opsPerSecond").asLong() + " ops/s, campaign "
                    + usage(cpu.path("campaign")) + ", used_memory " + m.path("usedMemoryMb").asLong() + " MB, top "
                    + m.path("topCommands"));
        });
        JsonNode c = r.path("comparison");
        line(out, "end-to-end one Redis vs cluster", c.path("standaloneEndToEndPerSecond").asLong() + " /s vs "
                + c.path("clusterEndToEndPerSecond").asLong() + " /s");
        line(out, "largest master share of hot path", c.path("clusterMaxMasterShare").asDouble()
                + (c.path("noMasterAboveHalf").asBoolean() ? " (no master above half)" : " (ABOVE HALF)"));
        return out.toString();
    }

    /**
     * CPU time of the measured campaign per delivered notification: all of Herald's processes and
     * Redis together, channel-workers alone, and per e-mail channel-workers and the bench JVM (whose
     * CPU is mostly the SMTP sink's), so that a sink-bound run shows.
     */
    private static void cpuPerNotification(StringBuilder out, JsonNode r) {
        long delivered = r.path("delivered").asLong();
        if (delivered == 0) {
            return;
        }
        double herald = 0;
        for (var e : r.path("resources").properties()) {
            if (!e.getKey().equals(BENCH_JVM)) {
                herald += e.getValue().path("campaign").path("cpuSeconds").asDouble();
            }
        }
        double workers = r.path("resources").path("channel-workers").path("campaign").path("cpuSeconds").asDouble();
        line(out, "CPU per notification", String.format("%.1f µs all services + Redis, %.1f µs channel-workers",
                herald * 1e6 / delivered, workers * 1e6 / delivered));
        JsonNode commands = r.path("redisCommandsPerNotification");
        if (!commands.isMissingNode()) {
            StringBuilder top = new StringBuilder();
            commands.path("byCommand").properties().forEach(e -> top.append(top.isEmpty() ? "" : ", ").append(e.getKey())
                    .append(' ').append(e.getValue().path("calls").asDouble()));
            // Redis counts the commands a script runs as calls of their own, and the script's time includes theirs
            line(out, "Redis commands per notification", String.format("%.2f calls, scripts' inner calls included (%s)",
                    commands.path("calls").asDouble(), top));
        }
        long emails = r.path("campaign").path("channels").path("email").path("delivered").asLong();
        if (emails > 0) {
            double bench = r.path("resources").path(BENCH_JVM).path("campaign").path("cpuSeconds").asDouble();
            long others = delivered - emails;
            line(out, "CPU per e-mail", String.format("%.1f µs channel-workers%s, %.1f µs bench JVM (SMTP sink)",
                    workers * 1e6 / emails, others == 0 ? "" : " (incl. its " + others + " other notifications)",
                    bench * 1e6 / emails));
        }
    }

    private static String latency(JsonNode l) {
        return "p50 " + l.path("p50").asLong() + " / p95 " + l.path("p95").asLong() + " / p99 " + l.path("p99").asLong()
                + " / max " + l.path("max").asLong() + " ms";
    }

    /** Bucket-bound percentiles of {@link LaneHistograms.Quantiles}. */
    private static String quantiles(JsonNode q) {
        return "p50 " + bound(q.path("p50")) + " / p95 " + bound(q.path("p95")) + " / p99 " + bound(q.path("p99"))
                + " ms (histogram bucket bounds, " + q.path("count").asLong() + " batches)";
    }

    private static String bound(JsonNode millis) {
        long value = millis.asLong(-1);
        return value == -1 ? "-" : value == -2 ? "> 60000" : "≤ " + value;
    }

    private static String usage(JsonNode u) {
        return u.isMissingNode() ? "-" : u.path("cpuPercent").asDouble() + " % CPU, RSS avg " + u.path("avgRssMb").asLong()
                + " / max " + u.path("maxRssMb").asLong() + " MB";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-40s %s%n", label, value));
    }
}
