package io.herald.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java Flight Recorder for chosen services ({@code --jfr <service>}): the JVM flag that records
 * the whole run, and a summary of the recording's execution samples — the methods on top of
 * the stack most often, which is where CPU time goes.
 */
public final class Profiles {

    private static final Pattern TOP_FRAME = Pattern.compile("stackTrace = \\[\\s*\\n\\s*(\\S[^\\n]*?)\\s+line:");

    private Profiles() {
    }

    static Path recording(Path directory, String service) {
        return directory.resolve(service + ".jfr");
    }

    /** The flight-recording flag for {@code service} if it is among {@code recorded}, else none. */
    static List<String> flags(List<String> recorded, String service, Path directory) {
        if (!recorded.contains(service)) {
            return List.of();
        }
        return List.of("-XX:StartFlightRecording=filename=" + recording(directory, service)
                + ",settings=profile,dumponexit=true");
    }

    /** Per recorded service: samples and the 15 most frequent top frames. */
    static Map<String, Object> summarise(List<String> recorded, Path directory) {
        Map<String, Object> summaries = new LinkedHashMap<>();
        for (String service : recorded) {
            Path file = recording(directory, service);
            if (!Files.exists(file)) {
                summaries.put(service, "no recording at " + file);
                continue;
            }
            String jfr = Path.of(System.getProperty("java.home"), "bin", "jfr").toString();
            String printed = Processes.run(Duration.ofMinutes(5), jfr, "print", "--events", "jdk.ExecutionSample",
                    file.toString());
            summaries.put(service, topFrames(printed, 15));
            Path copy = directory.getParent().resolve(directory.getFileName() + "-" + service + ".jfr");
            try {
                Files.copy(file, copy);
                EndToEndBench.step("flight recording of " + service + " kept at " + copy);
            } catch (java.io.IOException e) {
                EndToEndBench.step("cannot keep " + file + ": " + e.getMessage());
            }
        }
        return summaries;
    }

    /** Counts the top frame of each {@code jdk.ExecutionSample} in {@code jfr print} output. */
    static Map<String, Object> topFrames(String printed, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher matcher = TOP_FRAME.matcher(printed);
        int total = 0;
        while (matcher.find()) {
            counts.merge(matcher.group(1).trim(), 1, Integer::sum);
            total++;
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", total);
        int all = total;
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> summary.put(e.getKey(), String.format("%d (%.1f %%)", e.getValue(), 100.0 * e.getValue() / all)));
        return summary;
    }
}
