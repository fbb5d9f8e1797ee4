package io.herald.bench.e2e;

import io.herald.testsupport.RedisClusterProcess;
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
import java.util.regex.Matcher;

/**
 * Herald's end-to-end benchmark (issue 9), one run: Redis baseline, service start-up, seeding,
 * one campaign's fan-out with transactional notifications alongside, CPU and memory of every
 * process, then a summary table and {@code bench/results/<timestamp>.json}. Everything runs on
 * 127.0.0.1 on free ports, bounded by {@code --timeout}; the bench stops what it started.
 *
 * <p>Over 200 lines on purpose: it is the bench's script, one phase after another; each phase's
 * work lives in its own class.
 */
public final class EndToEndBench {

    static final String API_KEY = "bench-key";

    private EndToEndBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parseOrExit(args);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
        Path results = options.root().resolve("bench").resolve("results");
        Path runDirectory = results.resolve("run-" + stamp);
        Files.createDirectories(runDirectory);
        Map<String, Object> report;
        Thread watchdog = Watchdog.start(options.cluster() ? options.timeout().multipliedBy(2) : options.timeout());
        try {
            if (options.cluster()) {
                report = new LinkedHashMap<>();
                report.put("timestamp", Instant.now().toString());
                report.put("standalone", runOnce(options, runDirectory.resolve("standalone"), false));
                report.put("cluster", runOnce(options, runDirectory.resolve("cluster"), true));
                report.put("comparison", Report.comparison(report));
            } else {
                report = runOnce(options, runDirectory, false);
            }
            watchdog.interrupt();
        } catch (RuntimeException e) {
            System.err.println("bench: FAILED: " + e.getMessage() + " (logs kept in " + runDirectory + ")");
            throw e;
        }
        Path json = results.resolve(stamp + ".json");
        Report.write(report, json);
        if (options.cluster()) {
            System.out.println("\n== one Redis ==" + Report.table(report.get("standalone")));
            System.out.println("== Redis Cluster, 3 masters + 3 replicas ==" + Report.table(report.get("cluster")));
            System.out.println(Report.clusterTable(report));
        } else {
            System.out.println(Report.table(report));
        }
        System.out.println("bench: results written to " + json);
        if (!options.keep()) {
            Processes.deleteTree(runDirectory);
        } else {
            System.out.println("bench: logs and Redis directory kept in " + runDirectory);
        }
    }

    private static Map<String, Object> runOnce(BenchOptions options, Path directory, boolean onCluster) throws Exception {
        Files.createDirectories(directory);
        try (Run run = new Run(options, directory, onCluster)) {
            return run.execute();
        }
    }

    /** One run's processes and measurements; closing it stops everything it started. */
    static final class Run implements AutoCloseable {

        private final BenchOptions options;
        private final Path directory;
        private final boolean onCluster;
        private RedisServerProcess redis;
        private RedisClusterProcess cluster;
        private final SmtpSink smtp;
        private final ProcessSampler sampler = new ProcessSampler();
        private RedisAccess access;
        private Stack stack;

        Run(BenchOptions options, Path directory, boolean onCluster) {
            this.options = options;
            this.directory = directory;
            this.onCluster = onCluster;
            this.smtp = new SmtpSink();
        }

        Map<String, Object> execute() {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("timestamp", Instant.now().toString());
            report.put("options", Map.of("users", options.users(), "channels", options.channels(), "warmup", options.warmup(),
                    "aof", String.valueOf(options.appendFsync()), "transactional", options.transactional(),
                    "transactionalPerSecond", options.transactionalRate(), "javaOptions", options.javaOptions(),
                    "replicaAcks", onCluster ? options.replicaAcks() : 0));
            String persistence = options.appendFsync() == null ? " (no persistence)" : " (AOF " + options.appendFsync() + ")";
            double baseline = 0;
            if (onCluster) {
                step("starting a Redis Cluster: 6 redis-server nodes, 3 masters + 3 replicas" + persistence);
                cluster = RedisClusterProcess.start(RedisServerProcess.binary(), persistence());
                access = new RedisAccess(cluster.url());
                report.put("machine", Machine.describe(access));
                report.put("masters", cluster.masterPorts());
                cluster.ports().forEach(port -> sampler.watch("redis-" + port, () -> cluster.pid(port)));
            } else {
                step("starting redis-server" + persistence);
                redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary(), directory, persistence());
                access = new RedisAccess(redis.url());
                report.put("machine", Machine.describe(access));
                step("baseline: redis-benchmark -P 50 -n " + options.baselineRequests() + " XADD");
                baseline = XaddBaseline.measure(redis.port(), options.baselineRequests(), access);
                report.put("xaddBaselinePerSecond", Math.round(baseline));
                sampler.watch("redis-server", redis::pid);
            }
            smtp.start();
            // the bench JVM itself: the SMTP sink, the transactional probe and the status polling
            sampler.watch(Report.BENCH_JVM, () -> ProcessHandle.current().pid());
            sampler.start();
            report.put("startupMs", startServices());
            report.put("classDataSharing", options.classDataSharing() ? stack.archived() : "off");
            report.put("seeding", awaitSeeding());
            Audience audience = Audience.choose(new HeraldApi(stack, API_KEY), access, options.category());
            List<Map<String, Object>> warmups = new ArrayList<>();
            for (int i = 1; i <= options.warmup(); i++) {
                step("warm-up campaign " + i + " of " + options.warmup() + " to " + audience.category()
                        + " (lets the JIT compile the hot paths; reported apart)");
                Map<String, Object> warm = new CampaignPhase(stack, access, smtp, options).run(audience, sampler, "warmup");
                step("warm-up campaign " + i + ": " + warm.get("delivered") + " notifications, "
                        + warm.get("endToEndPerSecond") + " /s");
                warmups.add(Report.warmup(warm));
            }
            report.put("warmup", warmups);
            step("campaign to " + audience.category() + " (" + audience.members() + " subscribers), channels " + options.channels());
            MasterStats masters = onCluster ? new MasterStats(cluster.masterPorts()) : null;
            if (masters != null) {
                masters.start();
            }
            Map<String, Object> campaign = new CampaignPhase(stack, access, smtp, options).run(audience, sampler, "campaign");
            report.putAll(campaign);
            if (masters != null) {
                report.put("perMaster", masters.stop());
            } else {
                double perSecond = ((Number) campaign.getOrDefault("endToEndPerSecond", 0)).doubleValue();
                report.put("ratioToXaddBaseline", Math.round(perSecond / baseline * 1000) / 1000.0);
            }
            step("idle for " + options.idle() + " s");
            sampler.phase("idle");
            Waits.pause(Duration.ofSeconds(options.idle()));
            report.put("resources", Report.resources(sampler.samples(), names()));
            if (!onCluster) {
                report.put("redisUsedMemoryMb", access.usedMemory() / 1024 / 1024);
            }
            report.put("loadAverageAtEnd", Machine.loadAverage());
            stopServices();
            report.put("profiles", Profiles.summarise(options.jfr(), directory));
            return report;
        }

        /** The Redis arguments of {@code --aof}: none, or AOF with its {@code appendfsync} policy. */
        private List<String> persistence() {
            return options.appendFsync() == null ? List.of() : RedisServerProcess.appendOnly(options.appendFsync());
        }

        private Map<String, Long> startServices() {
            Stack.Settings settings = new Stack.Settings(options.root(), directory,
                    onCluster ? cluster.url() : redis.url(), smtp.port(), API_KEY,
                    options.channels(), options.javaOptions());
            stack = new Stack(settings);
            if (options.classDataSharing()) {
                stack.useClassDataSharing(options.root().resolve("bench/results/cds"));
            }
            Map<String, Long> startup = new LinkedHashMap<>();
            // user-service last: its seeding starts once it is up and must not slow the others' start-up
            for (String module : List.of(Stack.CAMPAIGNS, Stack.NOTIFICATIONS, Stack.WORKERS, Stack.USERS)) {
                Map<String, String> env = new java.util.HashMap<>();
                if (module.equals(Stack.USERS)) {
                    env.put("HERALD_USERS_SEED_COUNT", Integer.toString(options.users()));
                }
                // set for both runs, so that a variable exported for the cluster run never reaches the one Redis
                env.put("HERALD_REDIS_REPLICAACKS", Integer.toString(onCluster ? options.replicaAcks() : 0));
                ServiceProcess process = stack.define(module, module, env, Profiles.flags(options.jfr(), module, directory));
                sampler.phase("startup");
                Duration took = stack.start(module, options.startTimeout());
                sampler.watch(module, process::pid);
                startup.put(module, took.toMillis());
                Boolean archived = stack.archived().get(module);
                step(module + " up in " + took.toMillis() + " ms (port " + process.port() + ")"
                        + (archived == null ? "" : archived ? ", with its CDS archive" : ", recording its CDS archive"));
            }
            return startup;
        }

        private Map<String, Object> awaitSeeding() {
            sampler.phase("seed");
            long start = System.nanoTime();
            Matcher seeded = stack.get(Stack.USERS).awaitLogLine(Stack.SEEDED, Duration.ofMinutes(5));
            long observed = (System.nanoTime() - start) / 1_000_000;
            step("seeded " + seeded.group(1) + " users in " + seeded.group(2) + " ms (user-service log)");
            return Map.of("users", Long.parseLong(seeded.group(1)), "loggedMs", Long.parseLong(seeded.group(2)),
                    "observedAfterHealthyMs", observed, "redisUsedMemoryMb", access.usedMemory() / 1024 / 1024);
        }

        private void stopServices() {
            step("stopping the services");
            stack.close();
        }

        private List<String> names() {
            List<String> names = new ArrayList<>(Stack.MODULES);
            if (onCluster) {
                cluster.ports().forEach(port -> names.add("redis-" + port));
            } else {
                names.add("redis-server");
            }
            names.add(Report.BENCH_JVM);
            return names;
        }

        @Override
        public void close() {
            sampler.close();
            if (stack != null) {
                stack.close();
            }
            if (access != null) {
                access.close();
            }
            smtp.close();
            if (redis != null) {
                redis.close();
            }
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    static void step(String message) {
        System.out.println("bench: " + message);
    }
}
