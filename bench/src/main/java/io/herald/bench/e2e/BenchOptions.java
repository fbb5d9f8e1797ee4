package io.herald.bench.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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
 * @param classDataSharing run the services from extracted jars with class data sharing archives,
 *     as start.sh does ({@code --no-cds} turns it off)
 */
public record BenchOptions(int users, List<String> channels, String category, boolean keep, String appendFsync,
                           Duration timeout, int transactional, int transactionalRate, int idle,
                           int baselineRequests, List<String> jfr, Path root, List<String> javaOptions,
                           Duration startTimeout, int warmup, boolean cluster, int replicaAcks,
                           boolean classDataSharing) {

    /** The same flags as start.sh, so the bench measures what users run. */
    public static final String DEFAULT_JAVA_OPTS = "-Xms64m -Xmx192m -Xmn48m -XX:SurvivorRatio=2 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

    private static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";
    private static final boolean TRIM_SUPPORTED = Processes.succeeds(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), TRIM_NATIVE_HEAP, "-version");

    /**
     * Reads the command line.
     *
     * @throws picocli.CommandLine.ParameterException when an option is unknown or has a bad value
     */
    public static BenchOptions parse(String[] args) {
        return CommandLines.parse(new Flags(), args).options();
    }

    /** Reads the command line of {@code main}: prints {@code --help} and exits, or exits 2 on a bad one. */
    public static BenchOptions parseOrExit(String[] args) {
        return CommandLines.parseOrExit(new Flags(), args).options();
    }

    /** {@code log} → sms and push (the log senders); else a comma-separated list. */
    static List<String> channels(String value) {
        return "log".equals(value.trim()) ? List.of("sms", "push") : CommandLines.list(value);
    }

    /**
     * The services' JVM flags: {@code HERALD_JAVA_OPTS} as given, else {@link #DEFAULT_JAVA_OPTS}
     * plus, as start.sh adds it, a native heap trim every 5 s where the JDK has the flag (17.0.9+).
     */
    public static List<String> javaOptions(String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Arrays.stream(fromEnvironment.trim().split("\\s+")).toList();
        }
        List<String> flags = new ArrayList<>(Arrays.asList(DEFAULT_JAVA_OPTS.split(" ")));
        if (TRIM_SUPPORTED) {
            flags.add(TRIM_NATIVE_HEAP);
        }
        return List.copyOf(flags);
    }


    /** The flags as picocli reads them; {@link #options()} makes the record. */
    @Command(name = "bench/run.sh", sortOptions = false,
            description = "Herald's end-to-end benchmark: Redis baseline, service start-up, seeding, one campaign's "
                    + "fan-out with transactional notifications alongside, CPU/RSS of every process; prints a table "
                    + "and writes bench/results/<timestamp>.json.",
            footer = {"", "bench/run.sh also takes --rebuild (build the jars even if they exist).",
                    "HERALD_JAVA_OPTS: JVM flags of the services, by default", "  " + DEFAULT_JAVA_OPTS,
                    "  plus -XX:TrimNativeHeapInterval=5000 where the JDK has it (17.0.9+)"})
    static final class Flags {

        @Option(names = "--users", paramLabel = "N", converter = CommandLines.Positive.class,
                description = "users to seed (default: ${DEFAULT-VALUE})")
        int users = 100_000;

        @Option(names = "--channels", paramLabel = "LIST", converter = CommandLines.Names.class,
                description = "channels, comma-separated; 'log' means sms,push (default: ${DEFAULT-VALUE})")
        String channels = "email,sms,push";

        @Option(names = "--category", paramLabel = "NAME", description = "campaign category (default: the largest)")
        String category;

        @Option(names = "--keep", description = "keep the logs and the Redis directory (bench/results/run-<timestamp>/)")
        boolean keep;

        @Option(names = "--aof", paramLabel = "POLICY", converter = AppendFsync.class,
                description = "AOF persistence with this appendfsync policy: everysec, always or no (default: none)")
        String aof;

        @Option(names = "--timeout", paramLabel = "DURATION", description = "bound of the whole run (default: 15m)")
        Duration timeout = Duration.ofMinutes(15);

        @Option(names = "--tx", paramLabel = "N", converter = CommandLines.NotNegative.class,
                description = "transactional notifications posted during the campaign (default: ${DEFAULT-VALUE})")
        int tx = 200;

        @Option(names = "--tx-rate", paramLabel = "N", converter = CommandLines.Positive.class,
                description = "their rate per second (default: ${DEFAULT-VALUE})")
        int txRate = 20;

        @Option(names = "--idle", paramLabel = "SECONDS", converter = CommandLines.NotNegative.class,
                description = "idle sampling after the campaign (default: ${DEFAULT-VALUE})")
        int idle = 10;

        @Option(names = "--baseline-requests", paramLabel = "N", converter = CommandLines.Positive.class,
                description = "XADDs of the redis-benchmark baseline (default: ${DEFAULT-VALUE})")
        int baselineRequests = 1_000_000;

        @Option(names = "--jfr", paramLabel = "SERVICE",
                description = "record SERVICE with Java Flight Recorder and summarise its hottest methods (repeatable)")
        List<String> jfr = new ArrayList<>();

        @Option(names = "--start-timeout", paramLabel = "DURATION",
                description = "how long a service may take to report healthy (default: 3m)")
        Duration startTimeout = Duration.ofMinutes(3);

        @Option(names = "--warmup", paramLabel = "N", converter = CommandLines.NotNegative.class,
                description = "campaigns run first (JIT warm-up) and reported apart; 0 measures the cold run "
                        + "(default: ${DEFAULT-VALUE})")
        int warmup = 1;

        @Option(names = "--cluster", description = "run the campaign twice, on one Redis and on a local Redis Cluster "
                + "(3 masters + 3 replicas), into one report")
        boolean cluster;

        @Option(names = "--replica-acks", paramLabel = "N", converter = CommandLines.NotNegative.class,
                description = "herald.redis.replica-acks of the services in the cluster run "
                        + "(default: HERALD_REDIS_REPLICAACKS, else 0)")
        Integer replicaAcks;

        @Option(names = "--no-cds", description = "run the services from their fat jars, without class data sharing "
                + "(by default they run as start.sh runs them: extracted, with an archive kept in bench/results/cds/)")
        boolean noCds;

        @Mixin
        CommonFlags common = new CommonFlags();

        BenchOptions options() {
            String fromEnvironment = System.getenv("HERALD_REDIS_REPLICAACKS");
            int acks = replicaAcks != null ? replicaAcks
                    : fromEnvironment == null || fromEnvironment.isBlank() ? 0 : Integer.parseInt(fromEnvironment.trim());
            return new BenchOptions(users, channels(channels), category, keep, aof, timeout, tx, txRate, idle,
                    baselineRequests, List.copyOf(jfr), common.root(),
                    javaOptions(System.getenv("HERALD_JAVA_OPTS")), startTimeout, warmup, cluster, acks, !noCds);
        }
    }

    /** {@code --aof}: one of Redis's {@code appendfsync} policies. */
    static final class AppendFsync implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!List.of("everysec", "always", "no").contains(value)) {
                throw new TypeConversionException("'" + value + "' is not everysec, always or no");
            }
            return value;
        }
    }
}
