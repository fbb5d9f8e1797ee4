package io.herald.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID is given, not generated: derived from the notification id, it
 * lets a mail system (or a reader) recognise a second copy sent after a crash.
 */
final class NotificationMimeMessage extends MimeMessage {

    private final String messageId;

    NotificationMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** {@code <notificationId@domain>} with characters outside a dot-atom replaced by {@code .}. */
    static String messageIdOf(String notificationId, String domain) {
        return "<" + notificationId.replaceAll("[^A-Za-z0-9._-]", ".") + "@" + domain + ">";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
