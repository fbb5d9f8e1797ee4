package io.herald.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoakTests {

    @Test
    void theSlopeOfAPlateauIsZeroAndOfALeakItsBytesPerCampaign() {
        List<Map<String, Object>> flat = List.of(row(1, 1_000), row(2, 1_000), row(3, 1_000));
        List<Map<String, Object>> leak = List.of(row(1, 1_000), row(2, 1_500), row(3, 2_000), row(4, 2_500));
        assertThat(Soak.slope(flat)).isZero();
        assertThat(Soak.slope(leak)).isEqualTo(500.0);
        assertThat(Soak.slope(List.of(row(1, 7)))).isZero();
    }

    @Test
    void optionsParseAndTheTrimIntervalFollowsTheRetention() {
        SoakOptions options = SoakOptions.parse(new String[] {"--campaigns", "3", "--users", "10000", "--retention", "30s",
                "--keep"});
        assertThat(options.campaigns()).isEqualTo(3);
        assertThat(options.users()).isEqualTo(10_000);
        assertThat(options.retention()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.keep()).isTrue();
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(SoakOptions.parse(new String[] {"--retention", "2s"}).interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(SoakOptions.parse(new String[] {"--retention", "1h"}).interval()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--campaigns", "0"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> row(int campaign, long used) {
        return Map.of("campaign", campaign, "usedMemory", used);
    }
}
