package io.herald.bench.drill;

import io.herald.bench.e2e.BenchOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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

    static DrillOptions parse(String[] args) {
        int users = 100_000;
        int faultUsers = 10_000;
        List<String> only = List.of();
        List<String> channels = List.of("email", "sms", "push");
        String category = null;
        Duration timeout = Duration.ofMinutes(10);
        Duration offline = Duration.ofSeconds(60);
        Duration outage = Duration.ofSeconds(10);
        Duration startTimeout = Duration.ofMinutes(5);
        boolean keep = false;
        long seed = System.nanoTime();
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String next = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--users" -> users = Integer.parseInt(required(next, arg));
                case "--fault-users" -> faultUsers = Integer.parseInt(required(next, arg));
                case "--only" -> only = List.of(required(next, arg).split(","));
                case "--channels" -> channels = List.of(required(next, arg).split(","));
                case "--category" -> category = required(next, arg);
                case "--timeout" -> timeout = BenchOptions.duration(required(next, arg));
                case "--offline" -> offline = BenchOptions.duration(required(next, arg));
                case "--outage" -> outage = BenchOptions.duration(required(next, arg));
                case "--start-timeout" -> startTimeout = BenchOptions.duration(required(next, arg));
                case "--seed" -> seed = Long.parseLong(required(next, arg));
                case "--root" -> root = Path.of(required(next, arg)).toAbsolutePath();
                case "--keep" -> {
                    keep = true;
                    i--;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
            i++;
        }
        List<String> javaOptions = BenchOptions.javaOptions(System.getenv("HERALD_JAVA_OPTS"));
        return new DrillOptions(users, faultUsers, only, channels, category, timeout, offline, outage, keep, seed, root,
                javaOptions, startTimeout);
    }

    boolean wants(String drill) {
        return only.isEmpty() || only.contains(drill);
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
