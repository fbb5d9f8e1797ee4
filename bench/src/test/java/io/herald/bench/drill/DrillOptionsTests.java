package io.herald.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.bench.e2e.CommandLines;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DrillOptionsTests {

    @Test
    void defaultsAreTheIssuesDrills() {
        DrillOptions options = DrillOptions.parse(new String[0]);
        assertThat(options.users()).isEqualTo(100_000);
        assertThat(options.faultUsers()).isEqualTo(10_000);
        assertThat(options.only()).isEmpty();
        assertThat(options.channels()).containsExactly("email", "sms", "push");
        assertThat(options.category()).isNull();
        assertThat(options.drillTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.offline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.outage()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.root()).isEqualTo(Path.of("").toAbsolutePath());
        assertThat(options.wants("worker-crash")).isTrue();
        assertThat(options.keep()).isFalse();
    }

    @Test
    void optionsSelectDrillsAndBoundsAndAFlagDoesNotSwallowTheNextOption() {
        DrillOptions options = DrillOptions.parse(new String[] {"--keep", "--only", "worker-crash,redis-outage",
                "--users", "5000", "--fault-users", "1000", "--channels", "sms", "--category", "Finance",
                "--offline", "5s", "--outage", "3s", "--timeout", "2m", "--start-timeout", "1m", "--seed", "42",
                "--root", "/tmp"});
        assertThat(options.keep()).isTrue();
        assertThat(options.users()).isEqualTo(5000);
        assertThat(options.faultUsers()).isEqualTo(1000);
        assertThat(options.only()).containsExactly("worker-crash", "redis-outage");
        assertThat(options.wants("redis-outage")).isTrue();
        assertThat(options.wants("offline-burst")).isFalse();
        assertThat(options.channels()).containsExactly("sms");
        assertThat(options.category()).isEqualTo("Finance");
        assertThat(options.offline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.outage()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.drillTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.startTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.root()).isEqualTo(Path.of("/tmp"));
    }

    @Test
    void aBadCommandLineIsRefusedSayingWhy() {
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--users"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--users");
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--nope"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--nope");
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--seed", "x"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--seed");
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--outage", "a while"}))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("not a duration");
    }

    @Test
    void helpListsEveryFlagAndTheDrills() {
        String usage = CommandLines.usage(new DrillOptions.Flags());
        assertThat(usage).contains("bench/drills.sh", "--users", "--fault-users", "--only", "--channels", "--category",
                "--timeout", "--offline", "--outage", "--start-timeout", "--seed", "--keep", "--root", "--rebuild",
                "--help", "worker-crash", "cluster-failover");
    }
}
