package io.herald.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Samples CPU time and resident memory of named processes from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status} every 500 ms, each sample labelled with the run's current phase.
 * A process that restarts keeps its name (the pid is asked anew each tick). Thread-safe.
 */
public final class ProcessSampler implements AutoCloseable {

    /** One observation: cumulative CPU time (user + system) and RSS at an instant. */
    public record Sample(String name, String phase, long nanos, long cpuMillis, long rssKb) {
    }

    private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux ABI

    private final Map<String, LongSupplier> pids = new ConcurrentHashMap<>();
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bench-sampler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String phase = "start";

    /** Samples {@code name}; {@code pid} is asked each tick, a negative answer skips the tick. */
    public void watch(String name, LongSupplier pid) {
        pids.put(name, pid);
    }

    public ProcessSampler start() {
        timer.scheduleAtFixedRate(this::sampleAll, 0, 500, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Labels the samples from now on. */
    public void phase(String value) {
        this.phase = value;
    }

    public List<Sample> samples() {
        return List.copyOf(samples);
    }

    private void sampleAll() {
        long now = System.nanoTime();
        pids.forEach((name, pid) -> {
            long id = pid.getAsLong();
            if (id > 0) {
                read(id).ifPresent(reading -> samples.add(new Sample(name, phase, now, reading[0], reading[1])));
            }
        });
    }

    /** {cpuMillis, rssKb} of a live process, empty when it is gone. */
    static java.util.Optional<long[]> read(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return java.util.Optional.of(new long[] {cpuMillis(stat), rssKb(status)});
        } catch (IOException | RuntimeException gone) {
            return java.util.Optional.empty();
        }
    }

    /**
     * utime + stime of a {@code /proc/<pid>/stat} line, in ms. The command name (field 2) may hold
     * spaces and parentheses, so fields are counted after its last ')'.
     */
    static long cpuMillis(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after ")": field 3 (state) is index 0, so utime (14) is index 11 and stime (15) index 12
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000 / CLOCK_TICKS_PER_SECOND;
    }

    /** {@code VmRSS} of a {@code /proc/<pid>/status} text, in kB (0 when absent, e.g. a zombie). */
    static long rssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    /** Per process: average CPU (% of one core) and RSS over the samples of one phase. */
    public static Usage usage(List<Sample> samples, String name, String phase) {
        List<Sample> mine = new ArrayList<>();
        for (Sample sample : samples) {
            if (sample.name().equals(name) && sample.phase().equals(phase)) {
                mine.add(sample);
            }
        }
        if (mine.isEmpty()) {
            return new Usage(0, Double.NaN, 0, 0, 0);
        }
        double cpuSeconds = 0;
        double wallSeconds = 0;
        for (int i = 1; i < mine.size(); i++) {
            long cpu = mine.get(i).cpuMillis() - mine.get(i - 1).cpuMillis();
            if (cpu >= 0) { // a restart resets the counter; skip that interval
                cpuSeconds += cpu / 1000.0;
                wallSeconds += (mine.get(i).nanos() - mine.get(i - 1).nanos()) / 1e9;
            }
        }
        long maxRss = mine.stream().mapToLong(Sample::rssKb).max().orElse(0);
        long avgRss = (long) mine.stream().mapToLong(Sample::rssKb).average().orElse(0);
        double cpuPercent = wallSeconds == 0 ? Double.NaN : 100.0 * cpuSeconds / wallSeconds;
        return new Usage(mine.size(), cpuPercent, cpuSeconds, avgRss, maxRss);
    }

    /** CPU in % of one core and in seconds over the phase, RSS in kB. */
    public record Usage(int samples, double cpuPercent, double cpuSeconds, long avgRssKb, long maxRssKb) {
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
