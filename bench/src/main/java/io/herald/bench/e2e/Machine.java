package io.herald.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on: cores, memory, CPU model, OS, JDK, Redis version. */
public final class Machine {

    private Machine() {
    }

    public static Map<String, Object> describe(RedisAccess redis) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMb", memTotalKb() / 1024);
        machine.put("cpu", cpuModel());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("redis", redis.info("server").getOrDefault("redis_version", "?"));
        machine.put("loadAverageAtStart", loadAverage());
        return machine;
    }

    /** The 1-, 5- and 15-minute load averages: other work on the machine skews every figure. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long memTotalKb() {
        return procLine("/proc/meminfo", "MemTotal:")
                .map(value -> Long.parseLong(value.trim().split("\\s+")[0])).orElse(0L);
    }

    private static String cpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(value -> value.replaceFirst("^\\s*:\\s*", "")).orElse("?");
    }

    private static java.util.Optional<String> procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(line -> line.startsWith(prefix))
                    .map(line -> line.substring(prefix.length())).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
