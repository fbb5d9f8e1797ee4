package io.herald.bench.soak;

import io.herald.bench.e2e.BenchOptions;
import io.herald.bench.e2e.CommandLines;
import io.herald.bench.e2e.CommonFlags;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Options of {@code bench/soak.sh}.
 *
 * @param campaigns campaigns run back to back
 * @param users users seeded (every campaign goes to the largest category, or {@code category})
 * @param retention {@code herald.retention.after-completion} of the services
 * @param timeout bound of each campaign
 */
record SoakOptions(int campaigns, int users, Duration retention, List<String> channels, String category,
                   Duration timeout, Duration startTimeout, boolean keep, Path root, List<String> javaOptions) {

    /**
     * Reads the command line.
     *
     * @throws picocli.CommandLine.ParameterException when an option is unknown or has a bad value
     */
    static SoakOptions parse(String[] args) {
        return CommandLines.parse(new Flags(), args).options();
    }

    /** Reads the command line of {@code main}: prints {@code --help} and exits, or exits 2 on a bad one. */
    static SoakOptions parseOrExit(String[] args) {
        return CommandLines.parseOrExit(new Flags(), args).options();
    }

    /** How often the services trim and expire: often enough to follow a short retention. */
    Duration interval() {
        Duration sixth = retention.dividedBy(6);
        return sixth.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                : sixth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : sixth;
    }

    /** The flags as picocli reads them; {@link #options()} makes the record. */
    @Command(name = "bench/soak.sh", sortOptions = false,
            description = "Herald's memory soak: seeds the users, runs campaigns back to back with a short retention, "
                    + "samples Redis used_memory after each and after the retention window, prints the table, the "
                    + "slope and the plateau verdict, writes bench/results/soak-<timestamp>.json. Exit status 0 when "
                    + "the plateau holds.",
            footer = {"", "bench/soak.sh also takes --rebuild (build the jars even if they exist).",
                    "HERALD_JAVA_OPTS: JVM flags of the services, by default", "  " + BenchOptions.DEFAULT_JAVA_OPTS})
    static final class Flags {

        @Option(names = "--campaigns", paramLabel = "N", converter = CommandLines.Positive.class,
                description = "campaigns run back to back (default: ${DEFAULT-VALUE})")
        int campaigns = 10;

        @Option(names = "--users", paramLabel = "N", converter = CommandLines.Positive.class,
                description = "users seeded (default: ${DEFAULT-VALUE})")
        int users = 100_000;

        @Option(names = "--retention", paramLabel = "DURATION", converter = Retention.class,
                description = "the services' retention after completion; they trim every sixth of it, "
                        + "between 1 and 10 s (default: 60s)")
        Duration retention = Duration.ofSeconds(60);

        @Option(names = "--channels", paramLabel = "LIST", converter = CommandLines.Names.class,
                description = "channels, comma-separated (default: ${DEFAULT-VALUE})")
        String channels = "email,sms,push";

        @Option(names = "--category", paramLabel = "NAME", description = "campaign category (default: the largest)")
        String category;

        @Option(names = "--timeout", paramLabel = "DURATION", description = "bound of each campaign (default: 15m)")
        Duration timeout = Duration.ofMinutes(15);

        @Option(names = "--start-timeout", paramLabel = "DURATION",
                description = "how long a service may take to report healthy (default: 5m)")
        Duration startTimeout = Duration.ofMinutes(5);

        @Option(names = "--keep", description = "keep the logs and the Redis directory (bench/results/soak-<timestamp>/)")
        boolean keep;

        @Mixin
        CommonFlags common = new CommonFlags();

        SoakOptions options() {
            return new SoakOptions(campaigns, users, retention, CommandLines.list(channels), category, timeout,
                    startTimeout, keep, common.root(), BenchOptions.javaOptions(System.getenv("HERALD_JAVA_OPTS")));
        }
    }

    /** {@code --retention}: a duration longer than 0. */
    static final class Retention implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration retention = CommandLines.duration(value);
            if (retention.isNegative() || retention.isZero()) {
                throw new TypeConversionException("'" + value + "' is not longer than 0");
            }
            return retention;
        }
    }
}
