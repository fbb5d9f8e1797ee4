package io.herald.bench.e2e;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Redis itself allows: pipelined {@code XADD} throughput measured with
 * {@code redis-benchmark -P 50 -n <n> -q XADD <stream> * f v} against the bench's server (on {@code port} of 127.0.0.1). The
 * stream is deleted afterwards so that it does not weigh on the rest of the run.
 */
public final class XaddBaseline {

    static final String STREAM = "bench:xadd-baseline";
    private static final Pattern RESULT = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");

    private XaddBaseline() {
    }

    /** Runs the benchmark and answers its {@code XADD}s per second. */
    public static double measure(int port, int requests, RedisAccess access) {
        String output = Processes.run(Duration.ofMinutes(5), "redis-benchmark", "-h", "127.0.0.1",
                "-p", Integer.toString(port), "-P", "50", "-n", Integer.toString(requests), "-q",
                "XADD", STREAM, "*", "f", "v");
        access.sync().del(STREAM);
        return parseOpsPerSecond(output);
    }

    /**
     * The figure of the final line of {@code redis-benchmark -q} ({@code "XADD … : 508905.84
     * requests per second, p50=…"}); the progress lines before it use {@code rps=} and are ignored.
     *
     * @throws IllegalArgumentException when the output has no such line
     */
    static double parseOpsPerSecond(String output) {
        Matcher matcher = RESULT.matcher(output);
        Double last = null;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        if (last == null) {
            throw new IllegalArgumentException("no 'requests per second' in redis-benchmark output: " + output);
        }
        return last;
    }
}
