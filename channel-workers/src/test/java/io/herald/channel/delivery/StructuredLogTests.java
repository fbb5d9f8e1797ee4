package io.herald.channel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StructuredLogTests {

    @Test
    void plainValuesStayBareAndOthersAreQuotedAndEscapedSoTheLineParsesBack() {
        assertThat(StructuredLog.line("notificationId", "c:u:sms", "to", "+4912345", "text", "Hi \"Bo\"\nbye", "x", null))
                .isEqualTo("notificationId=c:u:sms to=+4912345 text=\"Hi \\\"Bo\\\"\\nbye\" x=null");
    }
}
