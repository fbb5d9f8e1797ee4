package io.herald.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class StreamEntryIdTests {

    @Test
    void idsCompareByMillisecondsThenSequenceAsNumbers() {
        assertThat(StreamEntryId.compare("1700000000000-0", "1700000000000-0")).isZero();
        assertThat(StreamEntryId.compare("999-5", "1000-0")).isNegative();
        assertThat(StreamEntryId.compare("1000-10", "1000-9")).isPositive();
        assertThat(StreamEntryId.parse("1700000000000-5")).isLessThan(StreamEntryId.parse("1700000000000-10"));
    }

    @Test
    void partsAndTextRoundTrip() {
        StreamEntryId id = StreamEntryId.parse("1700000000123-7");
        assertThat(id.millis()).isEqualTo(1700000000123L);
        assertThat(id.sequence()).isEqualTo(7);
        assertThat(id).hasToString("1700000000123-7");
        // Redis's largest id: both parts are unsigned 64-bit numbers
        assertThat(StreamEntryId.parse("18446744073709551615-18446744073709551615"))
                .hasToString("18446744073709551615-18446744073709551615")
                .isGreaterThan(StreamEntryId.parse("1700000000123-7"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {null, "", "123", "-1", "12-", "a-1", "1-b", "1-2-3"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> StreamEntryId.parse(bad));
        }
    }
}
