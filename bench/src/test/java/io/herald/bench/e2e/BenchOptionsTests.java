package io.herald.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchOptionsTests {

    @Test
    void withoutFlagsTheRunIsTheIssuesHundredThousandUsersOnEveryChannel() {
        BenchOptions options = BenchOptions.parse(new String[0]);
        assertThat(options.users()).isEqualTo(100_000);
        assertThat(options.channels()).containsExactly("email", "sms", "push");
        assertThat(options.category()).isNull();
        assertThat(options.keep()).isFalse();
        assertThat(options.appendFsync()).isNull();
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.transactional()).isEqualTo(200);
        assertThat(options.transactionalRate()).isEqualTo(20);
        assertThat(options.idle()).isEqualTo(10);
        assertThat(options.baselineRequests()).isEqualTo(1_000_000);
        assertThat(options.jfr()).isEmpty();
        assertThat(options.root()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.warmup()).isEqualTo(1);
        assertThat(options.cluster()).isFalse();
        assertThat(options.javaOptions()).isEqualTo(BenchOptions.javaOptions(System.getenv("HERALD_JAVA_OPTS")));
    }

    @Test
    void everyFlagSetsItsOption() {
        BenchOptions options = BenchOptions.parse(new String[] {"--users", "5000", "--channels", "email,sms",
                "--category", "Finance", "--keep", "--aof", "always", "--timeout", "90s", "--tx", "0", "--tx-rate", "5",
                "--idle", "3", "--baseline-requests", "300000", "--jfr", "channel-workers", "--jfr", "user-service",
                "--root", "/tmp", "--start-timeout", "PT2M", "--warmup", "0", "--cluster", "--replica-acks", "1"});
        assertThat(options.users()).isEqualTo(5000);
        assertThat(options.channels()).containsExactly("email", "sms");
        assertThat(options.category()).isEqualTo("Finance");
        assertThat(options.keep()).isTrue();
        assertThat(options.appendFsync()).isEqualTo("always");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.transactional()).isZero();
        assertThat(options.transactionalRate()).isEqualTo(5);
        assertThat(options.idle()).isEqualTo(3);
        assertThat(options.baselineRequests()).isEqualTo(300_000);
        assertThat(options.jfr()).containsExactly("channel-workers", "user-service");
        assertThat(options.root()).isEqualTo(Path.of("/tmp"));
        assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isZero();
        assertThat(options.cluster()).isTrue();
        assertThat(options.replicaAcks()).isEqualTo(1);
    }

    @Test
    void logChannelsAreTheLogSendersAndTheLastOfARepeatedFlagWins() {
        assertThat(BenchOptions.parse(new String[] {"--channels", "log"}).channels()).containsExactly("sms", "push");
        assertThat(BenchOptions.parse(new String[] {"--users", "10", "--users", "20"}).users()).isEqualTo(20);
    }

    @Test
    void servicesRunWithClassDataSharingUnlessTurnedOff() {
        assertThat(BenchOptions.parse(new String[0]).classDataSharing()).isTrue();
        assertThat(BenchOptions.parse(new String[] {"--no-cds"}).classDataSharing()).isFalse();
    }

    @Test
    void givenJavaOptionsAreTakenAsTheyAreAndTheDefaultsAreStartShs() {
        assertThat(BenchOptions.javaOptions("-Xmx1g  -XX:+UseG1GC")).containsExactly("-Xmx1g", "-XX:+UseG1GC");
        assertThat(String.join(" ", BenchOptions.javaOptions(null))).startsWith(BenchOptions.DEFAULT_JAVA_OPTS);
    }

    @Test
    void durationsAreSecondsMinutesHoursOrIso() {
        assertThat(CommandLines.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(CommandLines.duration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(CommandLines.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(CommandLines.duration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aBadCommandLineIsRefusedSayingWhy() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--aof", "sometimes"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--aof")
                .hasMessageContaining("everysec, always or no");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--users", "many"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--users");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--users", "0"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("below 1");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--timeout", "soon"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--channels", ","}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("names nothing");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--users"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--users");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--nope"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--nope");
    }

    @Test
    void helpListsEveryFlag() {
        assertThat(BenchOptions.parse(new String[] {"--help"})).isNotNull();
        String usage = CommandLines.usage(new BenchOptions.Flags());
        assertThat(usage).contains("bench/run.sh", "--users", "--channels", "--category", "--keep", "--aof", "--timeout",
                "--tx", "--tx-rate", "--idle", "--baseline-requests", "--jfr", "--root", "--start-timeout", "--warmup",
                "--cluster", "--replica-acks", "--rebuild", "--help", "default: 100000");
    }
}
