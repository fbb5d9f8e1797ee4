package io.herald.bench.drill;

import io.herald.bench.e2e.BenchOptions;
import io.herald.bench.e2e.CommandLines;
import io.herald.bench.e2e.CommonFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of {@code bench/drills.sh}.
 *
 * @param users users seeded for the campaign drills (issue 10: 100,000)
 * @param faultUsers users seeded for the poison/hang drill (slow on purpose)
 * @param only drills to run (empty: all)
 * @param channels channels of the services and campaigns
 * @param category campaign category, {@code null} for the largest
 * @param drillTimeout bound of each drill
 * @param offline how long workers stay offline in the burst drill
 * @param outage how long Redis stays down in the outage drill
 * @param startTimeout how long a service may take to report healthy
 */
record DrillOptions(int users, int faultUsers, List<String> only, List<String> channels, String category,
                    Duration drillTimeout, Duration offline, Duration outage, boolean keep, long seed, Path root,
                    List<String> javaOptions, Duration startTimeout) {

    /**
     * Reads the command line.
     *
     * @throws picocli.CommandLine.ParameterException when an option is unknown or has a bad value
     */
    static DrillOptions parse(String[] args) {
        return CommandLines.parse(new Flags(), args).options();
    }

    /** Reads the command line of {@code main}: prints {@code --help} and exits, or exits 2 on a bad one. */
    static DrillOptions parseOrExit(String[] args) {
        return CommandLines.parseOrExit(new Flags(), args).options();
    }

    boolean wants(String drill) {
        return only.isEmpty() || only.contains(drill);
    }

    /** The flags as picocli reads them; {@link #options()} makes the record. */
    @Command(name = "bench/drills.sh", sortOptions = false,
            description = {"Herald's fault drills: each runs its own redis-server (or local Redis Cluster), SMTP sink and "
                    + "services on free ports, breaks something, prints a verdict line and writes "
                    + "bench/results/drills-<timestamp>.json. Exit status 0 when every drill held.",
                    "Drills: worker-crash, service-crash, redis-outage, faulty-provider, offline-burst, redis-full; "
                            + "on a local Redis Cluster, only when named with --only: cluster-failover, "
                            + "cluster-reshard, cluster-no-replica."},
            footer = {"", "bench/drills.sh also takes --rebuild (build the jars even if they exist).",
                    "HERALD_JAVA_OPTS: JVM flags of the services, by default", "  " + BenchOptions.DEFAULT_JAVA_OPTS})
    static final class Flags {

        @Option(names = "--users", paramLabel = "N", converter = CommandLines.Positive.class,
                description = "users seeded for the campaign drills (default: ${DEFAULT-VALUE})")
        int users = 100_000;

        @Option(names = "--fault-users", paramLabel = "N", converter = CommandLines.Positive.class,
                description = "users seeded for the faulty-provider drill (default: ${DEFAULT-VALUE})")
        int faultUsers = 10_000;

        @Option(names = "--only", paramLabel = "LIST", converter = CommandLines.Names.class,
                description = "drills to run, comma-separated (default: all but the cluster drills)")
        String only;

        @Option(names = "--channels", paramLabel = "LIST", converter = CommandLines.Names.class,
                description = "channels of the services and campaigns, comma-separated (default: ${DEFAULT-VALUE})")
        String channels = "email,sms,push";

        @Option(names = "--category", paramLabel = "NAME", description = "campaign category (default: the largest)")
        String category;

        @Option(names = "--timeout", paramLabel = "DURATION", description = "bound of each drill (default: 10m)")
        Duration timeout = Duration.ofMinutes(10);

        @Option(names = "--offline", paramLabel = "DURATION",
                description = "how long the workers stay offline in offline-burst (default: 60s)")
        Duration offline = Duration.ofSeconds(60);

        @Option(names = "--outage", paramLabel = "DURATION",
                description = "how long Redis stays down in redis-outage (default: 10s)")
        Duration outage = Duration.ofSeconds(10);

        @Option(names = "--start-timeout", paramLabel = "DURATION",
                description = "how long a service may take to report healthy (default: 5m)")
        Duration startTimeout = Duration.ofMinutes(5);

        @Option(names = "--seed", paramLabel = "N", description = "seed of the random kill moments (default: the clock)")
        Long seed;

        @Option(names = "--keep", description = "keep the logs of drills that held too")
        boolean keep;

        @Mixin
        CommonFlags common = new CommonFlags();

        DrillOptions options() {
            return new DrillOptions(users, faultUsers, only == null ? List.of() : CommandLines.list(only),
                    CommandLines.list(channels), category, timeout, offline, outage, keep,
                    seed == null ? System.nanoTime() : seed, common.root(),
                    BenchOptions.javaOptions(System.getenv("HERALD_JAVA_OPTS")), startTimeout);
        }
    }
}
