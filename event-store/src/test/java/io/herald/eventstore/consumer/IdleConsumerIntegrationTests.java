package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class IdleConsumerIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email";
    private static final Duration BLOCK = Duration.ofSeconds(1);
    private static final Duration IDLE_PERIOD = Duration.ofSeconds(3);
    private static final Pattern CALLS = Pattern.compile("cmdstat_(\\S+?):calls=(\\d+)");
    private static final Pattern CPU = Pattern.compile("used_cpu_(sys|user):([0-9.]+)");

    @Test
    void anIdleConsumerSendsNothingButItsBlockingReads() {
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1").withBlock(BLOCK)
                .withClaim(Duration.ofSeconds(60), Duration.ofSeconds(60)), entry -> Mono.just(delivered(entry)));
        harness.append(STREAM, 0, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.deliveredCount(STREAM) == 1);

        double redisCpuBefore = redisCpuSeconds();
        harness.redis().configResetstat();
        long threadsCpuBefore = javaThreadsCpuNanos();
        long jvmCpuBefore = jvmCpuNanos();
        long wallBefore = System.nanoTime();
        // throughout the idle period, the consumer sends nothing but its blocking reads
        await().during(IDLE_PERIOD).atMost(IDLE_PERIOD.plusSeconds(2)).untilAsserted(() ->
                assertThat(commandCalls(harness.redis().info("commandstats")).keySet())
                        .isSubsetOf("xreadgroup", "config|resetstat", "config", "info"));
        Map<String, Long> calls = commandCalls(harness.redis().info("commandstats"));
        long jvmCpu = jvmCpuNanos() - jvmCpuBefore;
        long threadsCpu = javaThreadsCpuNanos() - threadsCpuBefore;
        long wall = System.nanoTime() - wallBefore;
        double redisCpu = redisCpuSeconds() - redisCpuBefore;

        // the process figure includes JIT and GC threads still busy after start-up; the Java threads
        // figure (event loops, timers, the test itself) is what idling costs in steady state
        System.out.printf("idle consumer over %d ms: redis commands %s; JVM process CPU %d ms (%.1f%% of one core),"
                        + " Java threads CPU %d ms (%.1f%%); redis-server CPU %.0f ms%n", wall / 1_000_000, calls,
                jvmCpu / 1_000_000, 100.0 * jvmCpu / wall, threadsCpu / 1_000_000, 100.0 * threadsCpu / wall,
                redisCpu * 1000);
        assertThat(calls.keySet()).isSubsetOf("xreadgroup", "config|resetstat", "config", "info");
        long maxReads = IDLE_PERIOD.toMillis() / BLOCK.toMillis() + 2;
        assertThat(calls.getOrDefault("xreadgroup", 0L)).isBetween(1L, maxReads);
    }

    private static Map<String, Long> commandCalls(String commandStats) {
        Map<String, Long> calls = new TreeMap<>();
        Matcher matcher = CALLS.matcher(commandStats);
        while (matcher.find()) {
            calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return calls;
    }

    private double redisCpuSeconds() {
        Matcher matcher = CPU.matcher(harness.redis().info("cpu"));
        double seconds = 0;
        while (matcher.find()) {
            seconds += Double.parseDouble(matcher.group(2));
        }
        return seconds;
    }

    private static long javaThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getAllThreadIds()).map(threads::getThreadCpuTime).filter(t -> t > 0).sum();
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
