package io.herald.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static Map<String, Object> row(int campaign, long used) {
        return Map.of("campaign", campaign, "usedMemory", used);
    }
}
