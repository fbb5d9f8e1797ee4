package io.herald.user.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MissingIdsTests {

    private final AtomicLong now = new AtomicLong();
    private final MissingIds missing = new MissingIds(Duration.ofSeconds(30), now::get);

    @Test
    void theCursorStopsBeforeTheFirstGapUntilItHasBeenMissingForTheGracePeriod() {
        assertThat(missing.cursor(0, 100, List.of(40L, 41L, 70L))).isEqualTo(39);
        assertThat(missing.between(0, 100)).containsExactly(40L, 41L, 70L);

        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(missing.cursor(0, 120, List.of(40L, 41L, 70L))).isEqualTo(39);
    }

    @Test
    void aRunOfGapsIsPassedAfterOneGracePeriodNotOnePerGap() {
        missing.cursor(0, 100, List.of(40L, 41L, 42L, 70L));
        now.addAndGet(Duration.ofSeconds(31).toNanos());

        assertThat(missing.cursor(0, 100, List.of(40L, 41L, 42L, 70L))).isEqualTo(100);
    }

    @Test
    void aGapMetLaterIsTimedFromWhenItWasMet() {
        missing.cursor(0, 100, List.of(40L));
        now.addAndGet(Duration.ofSeconds(31).toNanos());

        assertThat(missing.cursor(0, 200, List.of(40L, 150L))).isEqualTo(149);
    }

    @Test
    void anIdWrittenLateIsForgottenAndSoAreIdsBelowTheCursor() {
        missing.cursor(0, 100, List.of(40L, 70L));

        assertThat(missing.cursor(0, 100, List.of(70L))).as("40 was written meanwhile").isEqualTo(69);
        assertThat(missing.between(0, 100)).containsExactly(70L);
        assertThat(missing.between(69, 100)).containsExactly(70L);
        missing.cursor(80, 100, List.of());
        assertThat(missing.between(0, 100)).isEmpty();
    }
}
