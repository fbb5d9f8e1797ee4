package io.herald.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID is given, not generated: derived from the notification id, it
 * lets a mail system (or a reader) recognise a second copy sent after a crash. Its body can be set
 * already encoded ({@link #setBody}).
 */
final class NotificationMimeMessage extends MimeMessage {

    private final String messageId;

    NotificationMimeMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    /** {@code <notificationId@domain>} with characters outside a dot-atom replaced by {@code .}. */
    static String messageIdOf(String notificationId, String domain) {
        StringBuilder id = new StringBuilder(notificationId.length() + domain.length() + 3).append('<');
        for (int i = 0; i < notificationId.length(); i++) {
            char c = notificationId.charAt(i);
            boolean atom = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            id.append(atom ? c : '.');
        }
        return id.append('@').append(domain).append('>').toString();
    }

    /**
     * Makes {@code text} the whole body, already encoded: {@code saveChanges} then has nothing to
     * work out and sending writes the bytes as they are ({@link MimeText}).
     */
    void setBody(MimeText text) throws MessagingException {
        content = text.encoded();
        dh = null;
        cachedContent = null;
        setHeader("Content-Type", text.contentType());
        setHeader("Content-Transfer-Encoding", text.transferEncoding());
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
