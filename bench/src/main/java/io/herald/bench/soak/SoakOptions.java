package io.herald.bench.soak;

import io.herald.bench.e2e.BenchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    static SoakOptions parse(String[] args) {
        int campaigns = 10;
        int users = 100_000;
        Duration retention = Duration.ofSeconds(60);
        List<String> channels = List.of("email", "sms", "push");
        String category = null;
        Duration timeout = Duration.ofMinutes(15);
        Duration startTimeout = Duration.ofMinutes(5);
        boolean keep = false;
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--keep")) {
                keep = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--campaigns" -> campaigns = Integer.parseInt(value);
                case "--users" -> users = Integer.parseInt(value);
                case "--retention" -> retention = BenchOptions.duration(value);
                case "--channels" -> channels = List.of(value.split(","));
                case "--category" -> category = value;
                case "--timeout" -> timeout = BenchOptions.duration(value);
                case "--start-timeout" -> startTimeout = BenchOptions.duration(value);
                case "--root" -> root = Path.of(value).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (campaigns < 1 || users < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("--campaigns and --users must be positive, --retention longer than 0");
        }
        return new SoakOptions(campaigns, users, retention, channels, category, timeout, startTimeout, keep, root,
                BenchOptions.javaOptions(System.getenv("HERALD_JAVA_OPTS")));
    }

    /** How often the services trim and expire: often enough to follow a short retention. */
    Duration interval() {
        Duration sixth = retention.dividedBy(6);
        return sixth.compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                : sixth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : sixth;
    }
}
