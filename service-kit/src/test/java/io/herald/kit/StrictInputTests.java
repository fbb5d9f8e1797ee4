package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.kit.input.PlainTextValidator;
import org.junit.jupiter.api.Test;

class StrictInputTests {

    @Test
    void plainTextRefusesControlCharactersLineBreaksAndBidiOverrides() {
        assertThat(PlainTextValidator.isPlain("Spring sale — 20 % off, Zoë")).isTrue();
        assertThat(PlainTextValidator.isPlain(null)).isTrue();
        for (String hostile : new String[] {"\u0000\u0007", "a\r\nBcc: x", "tab\there", "esc\u001b[31m", "del\u007f",
                "c1\u0085", "line\u2028sep", "bidi\u202eevil", "iso\u2066late"}) {
            assertThat(PlainTextValidator.isPlain(hostile)).as(hostile).isFalse();
        }
    }
}
