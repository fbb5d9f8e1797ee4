package io.herald.campaign.completion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdsTests {

    @Test
    void idsCompareByMillisecondsThenSequenceAsNumbers() {
        assertThat(StreamIds.compare("1700000000000-0", "1700000000000-0")).isZero();
        assertThat(StreamIds.compare("999-5", "1000-0")).isNegative();
        assertThat(StreamIds.compare("1000-10", "1000-9")).isPositive();
    }

    @Test
    void userServiceHasReadAnEntryAtOrBeforeItsCursorOnly() {
        assertThat(UserServiceCursor.hasRead("1000-1", "1000-1")).isTrue();
        assertThat(UserServiceCursor.hasRead("1000-2", "1000-1")).isTrue();
        assertThat(UserServiceCursor.hasRead("1000-0", "1000-1")).isFalse();
        assertThat(UserServiceCursor.hasRead(null, "1000-1")).isFalse();
    }
}
