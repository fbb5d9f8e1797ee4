package io.herald.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrillOptionsTests {

    @Test
    void defaultsAreTheIssuesDrills() {
        DrillOptions options = DrillOptions.parse(new String[0]);
        assertThat(options.users()).isEqualTo(100_000);
        assertThat(options.offline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.outage()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.wants("worker-crash")).isTrue();
        assertThat(options.keep()).isFalse();
    }

    @Test
    void optionsSelectDrillsAndBoundsAndAFlagDoesNotSwallowTheNextOption() {
        DrillOptions options = DrillOptions.parse(new String[] {"--keep", "--only", "worker-crash,redis-outage",
                "--users", "5000", "--offline", "5s", "--timeout", "2m", "--seed", "42"});
        assertThat(options.keep()).isTrue();
        assertThat(options.users()).isEqualTo(5000);
        assertThat(options.wants("redis-outage")).isTrue();
        assertThat(options.wants("offline-burst")).isFalse();
        assertThat(options.offline()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.drillTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.seed()).isEqualTo(42);
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--users"})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DrillOptions.parse(new String[] {"--nope"})).isInstanceOf(IllegalArgumentException.class);
    }
}
