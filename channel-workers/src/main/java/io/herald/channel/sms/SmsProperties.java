package io.herald.channel.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS channel.
 *
 * @param optOutLine appended to campaign SMS when not blank; {@code {url}} becomes the recipient's
 *     unsubscribe link (e.g. {@code "Stop: {url}"})
 */
@ConfigurationProperties("herald.sms")
record SmsProperties(String optOutLine) {
}
