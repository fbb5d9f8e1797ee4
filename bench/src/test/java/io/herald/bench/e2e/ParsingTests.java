package io.herald.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsingTests {

    @Test
    void baselineIsTheFinalRequestsPerSecondFigureNotAProgressLine() {
        String output = "XADD s * f v: rps=501394.4 (overall: 485907.3) avg_msec=4.623\r"
                + "XADD s * f v: 508905.84 requests per second, p50=4.431 msec\n";
        assertThat(XaddBaseline.parseOpsPerSecond(output)).isEqualTo(508905.84);
    }

    @Test
    void baselineWithoutAResultLineIsAnError() {
        assertThatThrownBy(() -> XaddBaseline.parseOpsPerSecond("Could not connect to Redis"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksEvenWhenTheCommandNameHasSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 1000 "
                + "300000000 70000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcessSampler.cpuMillis(stat)).isEqualTo(3000); // (250 + 50) ticks at 100 Hz
    }

    @Test
    void rssIsVmRssInKilobytes() {
        assertThat(ProcessSampler.rssKb("Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t30\n"))
                .isEqualTo(123456);
        assertThat(ProcessSampler.rssKb("Name:\tzombie\nState:\tZ\n")).isZero();
    }

    @Test
    void cpuPercentIsCpuTimeOverWallTimeOfOnePhaseAndSkipsARestart() {
        long s = 1_000_000_000L;
        List<ProcessSampler.Sample> samples = List.of(
                new ProcessSampler.Sample("w", "campaign", 0, 1000, 100_000),
                new ProcessSampler.Sample("w", "campaign", s, 1500, 200_000),
                new ProcessSampler.Sample("w", "campaign", 2 * s, 100, 50_000), // restarted: counter reset
                new ProcessSampler.Sample("w", "campaign", 3 * s, 200, 50_000),
                new ProcessSampler.Sample("w", "idle", 4 * s, 200, 50_000));
        ProcessSampler.Usage usage = ProcessSampler.usage(samples, "w", "campaign");
        assertThat(usage.samples()).isEqualTo(4);
        assertThat(usage.cpuPercent()).isEqualTo(30.0); // (500 + 100) ms over 2 s counted
        assertThat(usage.maxRssKb()).isEqualTo(200_000);
        assertThat(ProcessSampler.usage(samples, "w", "idle").cpuPercent()).isNaN();
    }

    @Test
    void readsTheBenchJvmItselfFromProc() {
        var reading = ProcessSampler.read(ProcessHandle.current().pid());
        assertThat(reading).isPresent();
        assertThat(reading.get()[1]).as("RSS kB").isGreaterThan(10_000);
    }

    @Test
    void percentilesAreNearestRank() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // 1..100, unsorted
        }
        assertThat(Latencies.of(values)).isEqualTo(new Latencies(100, 50, 95, 99, 100));
        assertThat(Latencies.of(new long[] {7})).isEqualTo(new Latencies(1, 7, 7, 7, 7));
        assertThat(Latencies.of(new long[0])).isEqualTo(Latencies.NONE);
    }

    @Test
    void logSendsAreCountedPerChannelWithDuplicatesAcrossWorkerLogs(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("w1.log");
        Path two = dir.resolve("w2.log");
        Files.writeString(one, """
                12:00:00.001 INFO herald.delivery.sms - sent notificationId=c1:u1:sms to=+4410 text=hi
                12:00:00.002 INFO herald.delivery.push - sent notificationId=c1:u1:push to=tok
                12:00:00.003 INFO io.herald.Other - notificationId=c1:u9:sms is not a send
                """);
        Files.writeString(two, "12:00:01.000 INFO herald.delivery.sms - sent notificationId=c1:u1:sms, to=+4410\n"
                + "12:00:01.001 INFO herald.delivery.sms - sent notificationId=c1:u2:sms to=+4411\n");
        Map<String, DeliveryLog.Sends> sends = DeliveryLog.count(List.of(one, two, dir.resolve("missing.log")));
        assertThat(sends.get("sms")).isEqualTo(new DeliveryLog.Sends(3, 2));
        assertThat(sends.get("sms").duplicates()).isEqualTo(1);
        assertThat(sends.get("push")).isEqualTo(new DeliveryLog.Sends(1, 1));
    }

    @Test
    void sendsAreCountedInTheWorkersRealLineFormatWithMaskedRecipients(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("channel-workers.log");
        Files.writeString(log, """
                2026-12-01T06:47:44.525Z  INFO 8525 --- [channel-workers] [oundedElastic-1] herald.delivery.sms                      : notificationId=1760d7b7:21:sms to=+15******935 text="Markets are up, Margurite Robel!"
                2026-12-01T06:47:44.526Z  INFO 8525 --- [channel-workers] [oundedElastic-1] herald.delivery.push                     : notificationId=1760d7b7:21:push to=046*** title="Hi" body="Markets are up"
                """);
        Map<String, DeliveryLog.Sends> sends = DeliveryLog.count(List.of(log));
        assertThat(sends.get("sms")).isEqualTo(new DeliveryLog.Sends(1, 1));
        assertThat(sends.get("push")).isEqualTo(new DeliveryLog.Sends(1, 1));
    }

    @Test
    void profileSummaryCountsTopFramesOfExecutionSamples() {
        String printed = """
                jdk.ExecutionSample {
                  startTime = 12:00:00.000
                  sampledThread = "reactor-1"
                  state = "STATE_RUNNABLE"
                  stackTrace = [
                    io.netty.Foo.bar() line: 10
                    io.netty.Foo.baz() line: 20
                  ]
                }
                jdk.ExecutionSample {
                  stackTrace = [
                    io.netty.Foo.bar() line: 11
                  ]
                }
                jdk.ExecutionSample {
                  stackTrace = [
                    tools.jackson.Json.write(Object) line: 5
                  ]
                }
                """;
        Map<String, Object> top = Profiles.topFrames(printed, 5);
        assertThat(top).containsEntry("samples", 3).containsEntry("io.netty.Foo.bar()", "2 (66.7 %)")
                .containsEntry("tools.jackson.Json.write(Object)", "1 (33.3 %)");
    }
}
