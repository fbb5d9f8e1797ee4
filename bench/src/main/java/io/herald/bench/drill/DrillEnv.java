package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.HeraldApi;
import io.herald.bench.e2e.RedisAccess;
import io.herald.bench.e2e.SmtpSink;
import io.herald.bench.e2e.Stack;
import io.herald.testsupport.RedisClusterProcess;
import io.herald.testsupport.RedisServerProcess;
import io.herald.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One drill's world: its own redis-server (optionally with AOF) or local Redis Cluster, SMTP sink
 * and Herald processes, all on free ports of 127.0.0.1; closing it stops them and deletes the Redis
 * directory (the services' logs stay for the caller to keep or delete).
 */
final class DrillEnv implements AutoCloseable {

    static final String API_KEY = "drill-key";

    /**
     * The books ({@link Accounting}) read a campaign's audience back from {@code audiences} and some
     * drills count stream lengths: the drills' services trim no stream within a drill.
     */
    static final String RETENTION_INTERVAL = "HERALD_RETENTION_INTERVAL";
    static final String KEEP_STREAMS = "365d";

    final DrillOptions options;
    final Path directory;
    /** The drill's one Redis; null when it runs on {@link #cluster}. */
    final RedisServerProcess redis;
    /** The drill's Redis Cluster; null when it runs on one Redis. */
    final RedisClusterProcess cluster;
    final SmtpSink smtp;
    final RedisAccess access;
    final Stack stack;
    final HeraldApi api;
    private final Map<String, String> environment;

    /** A world on one Redis: no persistence when {@code appendFsync} is null, else AOF with that policy. */
    DrillEnv(DrillOptions options, Path directory, String appendFsync) {
        this.options = options;
        this.directory = directory;
        this.redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary(), directory,
                appendFsync == null ? List.of() : RedisServerProcess.appendOnly(appendFsync));
        this.cluster = null;
        this.environment = Map.of();
        this.smtp = new SmtpSink().start();
        this.access = new RedisAccess(redis.url());
        this.stack = new Stack(new Stack.Settings(options.root(), directory, redis.url(), smtp.port(), API_KEY,
                options.channels(), options.javaOptions()));
        this.api = new HeraldApi(stack, API_KEY);
    }

    /**
     * A world on a Redis Cluster the drill started (closed with this world); {@code environment} is
     * given to every service (e.g. {@code HERALD_REDIS_REPLICAACKS}).
     */
    DrillEnv(DrillOptions options, Path directory, RedisClusterProcess cluster, Map<String, String> environment) {
        this.options = options;
        this.directory = directory;
        this.redis = null;
        this.cluster = cluster;
        this.environment = Map.copyOf(environment);
        this.smtp = new SmtpSink().start();
        this.access = new RedisAccess(cluster.url());
        this.stack = new Stack(new Stack.Settings(options.root(), directory, cluster.url(), smtp.port(), API_KEY,
                options.channels(), options.javaOptions()));
        this.api = new HeraldApi(stack, API_KEY);
    }

    /**
     * Defines and starts user-service (seeding {@code users}), campaign-service,
     * notification-service and {@code workers} channel-workers processes ({@code channel-workers},
     * {@code channel-workers-2}, …) in parallel, then waits for their health and the seeding.
     */
    void start(int users, int workers, List<String> workerFlags) {
        Map<String, String> common = new java.util.HashMap<>(environment);
        common.put(RETENTION_INTERVAL, KEEP_STREAMS);
        Map<String, String> seeding = new java.util.HashMap<>(common);
        seeding.put("HERALD_USERS_SEED_COUNT", Integer.toString(users));
        stack.define(Stack.USERS, Stack.USERS, seeding, List.of());
        stack.define(Stack.CAMPAIGNS, Stack.CAMPAIGNS, common, List.of());
        stack.define(Stack.NOTIFICATIONS, Stack.NOTIFICATIONS, common, List.of());
        for (int i = 1; i <= workers; i++) {
            stack.define(workerName(i), Stack.WORKERS, common, workerFlags);
        }
        stack.processes().forEach(ServiceProcess::launch);
        stack.processes().forEach(process -> process.awaitHealthy(options.startTimeout()));
        stack.get(Stack.USERS).awaitLogLine(Stack.SEEDED, Duration.ofMinutes(5));
        Drills.say("stack up: " + stack.processes().size() + " processes, " + users + " users seeded");
    }

    /** {@code channel-workers-<i>}: distinct prefixes, so consumer names tell the processes apart. */
    static String workerName(int i) {
        return Stack.WORKERS + "-" + i;
    }

    /** The channel-workers processes. */
    List<ServiceProcess> workers() {
        List<ServiceProcess> workers = new ArrayList<>();
        for (ServiceProcess process : stack.processes()) {
            if (process.name().startsWith(Stack.WORKERS)) {
                workers.add(process);
            }
        }
        return workers;
    }

    List<Path> workerLogs() {
        return workers().stream().map(ServiceProcess::log).toList();
    }

    /** Restarts a killed process on its port and waits for its health. */
    Duration restart(String name) {
        return stack.start(name, options.startTimeout());
    }

    Audience audience() {
        return Audience.choose(api, access, options.category());
    }

    @Override
    public void close() {
        stack.close();
        access.close();
        smtp.close();
        if (redis != null) {
            redis.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }
}
