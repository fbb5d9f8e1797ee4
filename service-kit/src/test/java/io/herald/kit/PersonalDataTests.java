package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.kit.logging.PersonalData;
import org.junit.jupiter.api.Test;

class PersonalDataTests {

    @Test
    void recipientsOfEachChannelAreMasked() {
        assertThat(PersonalData.recipient("ada@example.org")).isEqualTo("a***@example.org");
        assertThat(PersonalData.recipient("+447700900750")).isEqualTo("+44*******750");
        assertThat(PersonalData.recipient("device-token-bob")).isEqualTo("dev***");
        assertThat(PersonalData.recipient("ab")).isEqualTo("***");
    }

    @Test
    void scrubMasksEveryAddressAndNumberInAText() {
        assertThat(PersonalData.scrub("550 <cleo.m@mail.example.com> rejected; call +4915187654321 or bob@x.io"))
                .isEqualTo("550 <c***@mail.example.com> rejected; call +49********321 or b***@x.io");
    }

    @Test
    void scrubLeavesTextWithoutPersonalDataAlone() {
        String text = "campaign 1a2b:17:sms delivered in 3 ms, +5 retries";
        assertThat(PersonalData.scrub(text)).isSameAs(text);
    }
}
