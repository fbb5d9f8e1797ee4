package io.herald.kit.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * {@code %wEx} of Herald's log pattern: stack traces with personal data masked — an SMTP
 * server's refusal, for one, quotes the recipient's address.
 */
public final class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalData.scrub(super.convert(event));
    }
}
