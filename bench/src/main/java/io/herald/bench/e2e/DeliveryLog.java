package io.herald.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sink of the log senders (SMS, push): channel-workers log one line per send on logger
 * {@code herald.delivery.<channel>} with {@code notificationId=<id>}. Counting those lines
 * across every worker log gives sends and duplicate sends per channel.
 */
public final class DeliveryLog {

    private static final Pattern LINE = Pattern.compile("herald\\.delivery\\.([a-z0-9-]+).*?notificationId=([^\\s,]+)");

    /** Sends of one channel: lines, distinct notification ids, and duplicates (lines − distinct). */
    public record Sends(long lines, long distinct) {
        public long duplicates() {
            return lines - distinct;
        }
    }

    private DeliveryLog() {
    }

    /** Sends per channel found in the given log files. */
    public static Map<String, Sends> count(List<Path> logs) {
        Map<String, Map<String, Integer>> ids = new HashMap<>();
        Map<String, Long> lines = new HashMap<>();
        for (Path log : logs) {
            if (!Files.exists(log)) {
                continue;
            }
            try (Stream<String> stream = Files.lines(log, StandardCharsets.ISO_8859_1)) { // byte-transparent: a stray byte must not stop the count
                stream.forEach(line -> {
                    Matcher matcher = LINE.matcher(line);
                    if (matcher.find()) {
                        String channel = matcher.group(1);
                        lines.merge(channel, 1L, Long::sum);
                        ids.computeIfAbsent(channel, c -> new HashMap<>()).merge(matcher.group(2), 1, Integer::sum);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + log, e);
            }
        }
        Map<String, Sends> sends = new HashMap<>();
        lines.forEach((channel, count) -> sends.put(channel, new Sends(count, ids.get(channel).size())));
        return sends;
    }
}
