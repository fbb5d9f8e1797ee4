package io.herald.channel.email;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The e-mail channel (the SMTP server itself is {@code spring.mail.*}).
 *
 * @param from sender address of every mail
 * @param connections SMTP connections kept open, and sends running at once
 * @param messageIdDomain right-hand side of the Message-ID derived from the notification id
 */
@ConfigurationProperties("herald.email")
public record EmailProperties(String from, int connections, String messageIdDomain) {
}
