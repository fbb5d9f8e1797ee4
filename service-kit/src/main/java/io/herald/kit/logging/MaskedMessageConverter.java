package io.herald.kit.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %m} of Herald's log pattern: the message with personal data masked ({@link PersonalData#scrub}). */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.scrub(super.convert(event));
    }
}
