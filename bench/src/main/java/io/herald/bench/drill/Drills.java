package io.herald.bench.drill;

import io.herald.bench.e2e.Processes;
import io.herald.bench.e2e.Report;
import io.herald.bench.e2e.Watchdog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the fault drills of issue 10 one after another, each in its own world, prints a verdict
 * line per drill and writes {@code bench/results/drills-<timestamp>.json}. Exit status 0 when
 * every drill held, 1 otherwise.
 */
public final class Drills {

    private static final List<Drill> ON_CLUSTER = List.of(new ClusterFailoverDrill(), new ClusterReshardDrill(),
            new ClusterNoReplicaDrill());

    private static final List<Drill> ALL = List.of(new WorkerCrashDrill(), new ServiceCrashDrill(),
            new RedisOutageDrill(), new FaultyProviderDrill(), new OfflineBurstDrill(), new RedisFullDrill());

    private Drills() {
    }

    public static void main(String[] args) throws Exception {
        DrillOptions options = DrillOptions.parseOrExit(args);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = options.root().resolve("bench").resolve("results");
        List<Drill> drills = new ArrayList<>(ALL.stream().filter(d -> options.wants(d.name())).toList());
        // the Redis Cluster drills run only when named (--only cluster-failover,...): they start six nodes each
        ON_CLUSTER.stream().filter(d -> options.only().contains(d.name())).forEach(drills::add);
        // each drill is bounded by its own waits; the watchdog is the last resort (start-ups, seeding, phases)
        Watchdog.start(options.drillTimeout().multipliedBy(3L * drills.size()));
        say("seed " + options.seed() + ", drills " + drills.stream().map(Drill::name).toList());
        List<DrillResult> outcomes = new ArrayList<>();
        for (Drill drill : drills) {
            Path directory = results.resolve("drill-" + stamp + "-" + drill.name());
            Files.createDirectories(directory);
            say("---- " + drill.name());
            DrillResult result;
            try {
                result = drill.run(options, directory);
            } catch (RuntimeException e) {
                result = DrillResult.of(drill.name(), false, "could not run: " + e, Map.of());
            }
            if (result.holds() && !options.keep()) {
                Processes.deleteTree(directory);
            } else {
                say("logs kept in " + directory);
            }
            outcomes.add(result);
            System.out.println(result.line());
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("timestamp", stamp);
        report.put("seed", options.seed());
        report.put("users", options.users());
        report.put("drills", outcomes);
        Path json = results.resolve("drills-" + stamp + ".json");
        Report.write(report, json);
        System.out.println();
        outcomes.forEach(result -> System.out.println(result.line()));
        say("results written to " + json);
        System.exit(outcomes.stream().allMatch(DrillResult::holds) ? 0 : 1);
    }

    static void say(String message) {
        System.out.println("drills: " + message);
    }
}
