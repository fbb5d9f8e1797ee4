package io.herald.bench.e2e;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * The bench's command lines (bench, drills, soak, seed bench), parsed by picocli from a class of
 * {@code @Option} fields: one way to read a flag, print {@code --help} and refuse a bad value.
 * Durations are written {@code 90s}, {@code 15m}, {@code 1h} or ISO-8601.
 */
public final class CommandLines {

    /** Exit status of a command line that cannot be parsed (picocli's convention). */
    public static final int USAGE_ERROR = 2;

    private CommandLines() {
    }

    /**
     * Parses {@code args} into the {@code @Option} fields of {@code flags} and returns it; a repeated
     * single-valued option takes its last value. {@code --help} is only recorded, not acted on.
     *
     * @throws CommandLine.ParameterException when an option is unknown, lacks its value or has a bad one
     */
    public static <F> F parse(F flags, String[] args) {
        commandLine(flags).parseArgs(args);
        return flags;
    }

    /**
     * As {@link #parse}, for a {@code main} method: {@code --help} prints the usage and exits 0; a
     * bad command line prints what is wrong (with a suggestion for a mistyped option) and the
     * synopsis to standard error and exits {@value #USAGE_ERROR}.
     */
    public static <F> F parseOrExit(F flags, String[] args) {
        CommandLine line = commandLine(flags);
        try {
            line.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            PrintStream err = System.err;
            err.println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.print(e.getCommandLine().getHelp().fullSynopsis());
            err.println("--help lists every option.");
            System.exit(USAGE_ERROR);
        }
        if (line.isUsageHelpRequested()) {
            line.usage(System.out);
            System.exit(0);
        }
        return flags;
    }

    /** The usage text of {@code flags}' command, as {@code --help} prints it. */
    public static String usage(Object flags) {
        return commandLine(flags).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static CommandLine commandLine(Object flags) {
        CommandLine line = new CommandLine(flags);
        line.registerConverter(Duration.class, CommandLines::duration);
        line.setOverwrittenOptionsAllowed(true);
        return line;
    }

    /** {@code 90s}, {@code 15m}, {@code 1h}, or an ISO-8601 duration ({@code PT90S}). */
    public static Duration duration(String value) {
        String v = value.trim().toLowerCase();
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value.trim());
            }
            long n = Long.parseLong(v.replaceAll("[smh]$", ""));
            return v.endsWith("h") ? Duration.ofHours(n) : v.endsWith("m") ? Duration.ofMinutes(n) : Duration.ofSeconds(n);
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (90s, 15m, 1h or PT90S)");
        }
    }

    /** A comma-separated list, blanks dropped. */
    public static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Picocli converter of an {@code int} above 0. */
    public static final class Positive implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 1);
        }
    }

    /** Picocli converter of an {@code int} of 0 or more. */
    public static final class NotNegative implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return atLeast(value, 0);
        }
    }

    /** Picocli converter of a comma-separated list that names at least one thing (channels, drills). */
    public static final class Names implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (list(value).isEmpty()) {
                throw new CommandLine.TypeConversionException("'" + value + "' names nothing");
            }
            return value;
        }
    }

    private static int atLeast(String value, int least) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        if (n < least) {
            throw new CommandLine.TypeConversionException("'" + value + "' is below " + least);
        }
        return n;
    }
}
