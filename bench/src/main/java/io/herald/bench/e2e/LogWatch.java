package io.herald.bench.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads what services log: the seeding lines of user-service, the delivery lines of the log senders. */
public final class LogWatch {

    /** {@code Seeded 100000 users in 2345 ms} (user-service, at the end of seeding). */
    public static final Pattern SEEDED = Pattern.compile("Seeded (\\d+) users in (\\d+) ms");

    private LogWatch() {
    }

    /** The last match of {@code pattern} in the log, if any. */
    public static Optional<Matcher> last(Path log, Pattern pattern) {
        if (!Files.exists(log)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) { // byte-transparent: a stray byte must not stop the count
            return lines.map(pattern::matcher).filter(Matcher::find).reduce((first, second) -> second);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Waits until the log has a line matching {@code pattern}; returns the match. */
    public static Matcher await(Path log, Pattern pattern, Duration timeout) {
        Optional<Matcher>[] found = new Optional[] {Optional.empty()};
        Waits.until(timeout, Duration.ofMillis(100), "'" + pattern + "' in " + log, () -> {
            found[0] = last(log, pattern);
            return found[0].isPresent();
        });
        return found[0].orElseThrow();
    }
}
