package io.herald.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the end-to-end bench (see {@code bench/README.md}).
 *
 * @param users users to seed
 * @param channels channels of the services and the campaign; {@code log} means {@code sms,push}
 * @param category campaign category, {@code null} for the largest
 * @param keep keep logs and the Redis directory after the run
 * @param appendFsync {@code null} (no persistence) or the AOF {@code appendfsync} policy
 * @param timeout the whole run's bound
 * @param transactional transactional notifications posted during the campaign
 * @param transactionalRate their rate per second
 * @param idle seconds of idle sampling after the campaign
 * @param baselineRequests {@code XADD}s of the redis-benchmark baseline
 * @param jfr services recorded with Java Flight Recorder during the run
 * @param root the repository
 * @param javaOptions JVM flags of the services ({@code HERALD_JAVA_OPTS}, else start.sh's defaults)
 * @param startTimeout how long a service may take to report healthy
 * @param cluster run the campaign twice, on one Redis and on a 3-master Redis Cluster, into one report
 * @param warmup campaigns run (and reported apart) before the measured one, so that it measures
 *     the services warm rather than their JIT compilers: in a cold 100,000-user campaign the
 *     compiler threads took a third of a channel worker's CPU
 * @param replicaAcks {@code herald.redis.replica-acks} of the services in the cluster run
 *     ({@code --replica-acks N}, else {@code HERALD_REDIS_REPLICAACKS}, else 0); the run on one
 *     Redis, which has no replica, always uses 0
 */
public record BenchOptions(int users, List<String> channels, String category, boolean keep, String appendFsync,
                           Duration timeout, int transactional, int transactionalRate, int idle,
                           int baselineRequests, List<String> jfr, Path root, List<String> javaOptions,
                           Duration startTimeout, int warmup, boolean cluster, int replicaAcks) {

    /** The same flags as start.sh, so the bench measures what users run. */
    public static final String DEFAULT_JAVA_OPTS = "-Xms96m -Xmx192m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

    public static BenchOptions parse(String[] args) {
        int users = 100_000;
        List<String> channels = List.of("email", "sms", "push");
        String category = null;
        boolean keep = false;
        String aof = null;
        Duration timeout = Duration.ofMinutes(15);
        int tx = 200;
        int txRate = 20;
        int idle = 10;
        int baseline = 1_000_000;
        List<String> jfr = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath();
        Duration startTimeout = Duration.ofMinutes(3);
        int warmup = 1;
        boolean cluster = false;
        String acksFromEnvironment = System.getenv("HERALD_REDIS_REPLICAACKS");
        int replicaAcks = acksFromEnvironment == null || acksFromEnvironment.isBlank() ? 0
                : Integer.parseInt(acksFromEnvironment.trim());
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--users" -> users = Integer.parseInt(value(args, ++i, arg));
                case "--channels" -> channels = channels(value(args, ++i, arg));
                case "--category" -> category = value(args, ++i, arg);
                case "--keep" -> keep = true;
                case "--aof" -> aof = value(args, ++i, arg);
                case "--timeout" -> timeout = duration(value(args, ++i, arg));
                case "--tx" -> tx = Integer.parseInt(value(args, ++i, arg));
                case "--tx-rate" -> txRate = Integer.parseInt(value(args, ++i, arg));
                case "--idle" -> idle = Integer.parseInt(value(args, ++i, arg));
                case "--baseline-requests" -> baseline = Integer.parseInt(value(args, ++i, arg));
                case "--jfr" -> jfr.add(value(args, ++i, arg));
                case "--root" -> root = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--start-timeout" -> startTimeout = duration(value(args, ++i, arg));
                case "--warmup" -> warmup = Integer.parseInt(value(args, ++i, arg));
                case "--cluster" -> cluster = true;
                case "--replica-acks" -> replicaAcks = Integer.parseInt(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (aof != null && !List.of("everysec", "always", "no").contains(aof)) {
            throw new IllegalArgumentException("--aof must be everysec, always or no");
        }
        return new BenchOptions(users, channels, category, keep, aof, timeout, tx, txRate, idle, baseline,
                List.copyOf(jfr), root, javaOptions(System.getenv("HERALD_JAVA_OPTS")), startTimeout, warmup, cluster,
                replicaAcks);
    }

    /** {@code log} → sms and push (the log senders); else a comma-separated list. */
    static List<String> channels(String value) {
        if ("log".equals(value)) {
            return List.of("sms", "push");
        }
        List<String> list = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--channels needs at least one channel");
        }
        return list;
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, or an ISO-8601 duration. */
    public static Duration duration(String value) {
        String v = value.trim().toLowerCase();
        if (v.startsWith("p")) {
            return Duration.parse(value);
        }
        long n = Long.parseLong(v.replaceAll("[smh]$", ""));
        return v.endsWith("h") ? Duration.ofHours(n) : v.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
    }

    public static List<String> javaOptions(String fromEnvironment) {
        String flags = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_JAVA_OPTS : fromEnvironment;
        return Arrays.stream(flags.trim().split("\\s+")).toList();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
