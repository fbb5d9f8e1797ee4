package io.herald.bench.seed;

import io.herald.bench.e2e.CommandLines;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Arguments of {@link SeedBench}, positional: {@code [users] [category] [runs] [user-service jar]}.
 *
 * @param users users to seed
 * @param category the category whose audience resolution is timed
 * @param runs how many times it is resolved (the best rate is reported)
 * @param jar the user-service jar; {@code null} to look in {@code user-service/target}
 */
record SeedOptions(long users, String category, int runs, Path jar) {

    /**
     * Reads the command line.
     *
     * @throws picocli.CommandLine.ParameterException when an argument is bad or one too many
     */
    static SeedOptions parse(String[] args) {
        return CommandLines.parse(new Flags(), args).options();
    }

    /** Reads the command line of {@code main}: prints {@code --help} and exits, or exits 2 on a bad one. */
    static SeedOptions parseOrExit(String[] args) {
        return CommandLines.parseOrExit(new Flags(), args).options();
    }

    /** The arguments as picocli reads them; {@link #options()} makes the record. */
    @Command(name = "java -cp bench/target/bench.jar io.herald.bench.seed.SeedBench",
            description = "Seeds users through the user-service jar against a redis-server of its own and measures "
                    + "seeding time, Redis memory per user and the audience resolution rate of a category.")
    static final class Flags {

        @Parameters(index = "0", arity = "0..1", paramLabel = "users", converter = CommandLines.Positive.class,
                description = "users to seed (default: ${DEFAULT-VALUE})")
        int users = 100_000;

        @Parameters(index = "1", arity = "0..1", paramLabel = "category",
                description = "category whose audience is resolved (default: ${DEFAULT-VALUE})")
        String category = "Finance";

        @Parameters(index = "2", arity = "0..1", paramLabel = "runs", converter = CommandLines.Positive.class,
                description = "resolutions of that audience; the best rate is reported (default: ${DEFAULT-VALUE})")
        int runs = 3;

        @Parameters(index = "3", arity = "0..1", paramLabel = "jar",
                description = "the user-service jar (default: user-service/target/user-service-*.jar)")
        Path jar;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit")
        boolean help;

        SeedOptions options() {
            return new SeedOptions(users, category, runs, jar);
        }
    }
}
