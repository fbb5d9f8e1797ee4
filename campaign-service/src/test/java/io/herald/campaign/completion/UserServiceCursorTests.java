package io.herald.campaign.completion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserServiceCursorTests {

    @Test
    void userServiceHasReadAnEntryAtOrBeforeItsCursorOnly() {
        assertThat(UserServiceCursor.hasRead("1000-1", "1000-1")).isTrue();
        assertThat(UserServiceCursor.hasRead("1000-2", "1000-1")).isTrue();
        assertThat(UserServiceCursor.hasRead("1000-0", "1000-1")).isFalse();
        assertThat(UserServiceCursor.hasRead(null, "1000-1")).isFalse();
        assertThat(UserServiceCursor.hasRead("999-9", "1000-0")).isFalse();
    }
}
