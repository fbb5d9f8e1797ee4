package io.herald.mailcatcher;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One received mail as the catcher keeps it: the envelope recipient and the message as received.
 * Headers and body are read from the message only when a page shows them, so that taking a mail
 * costs no MIME parsing beyond what the SMTP server already did.
 *
 * @param id sequence number of arrival, from 1
 */
record CaughtMail(long id, Instant receivedAt, String to, MimeMessage message) {

    static final int MAX_TEXT = 16 * 1024;

    String from() {
        try {
            Address[] list = message.getFrom();
            List<String> names = new ArrayList<>();
            for (Address address : list == null ? new Address[0] : list) {
                names.add(address.toString());
            }
            return String.join(", ", names);
        } catch (MessagingException e) {
            return "";
        }
    }

    String subject() {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    String messageId() {
        try {
            return message.getHeader("Message-ID", ",");
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The first text/plain part (or the HTML one, or the whole body when it is text), cut at {@link #MAX_TEXT}. */
    String text() {
        return text(message);
    }

    private static String text(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String s && part.isMimeType("text/*")) {
                return s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "…" : s;
            }
            if (content instanceof Multipart multipart) {
                String html = null;
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    if (child.isMimeType("text/plain") || child.isMimeType("multipart/*")) {
                        String found = text(child);
                        if (found != null) {
                            return found;
                        }
                    } else if (html == null && child.isMimeType("text/html")) {
                        html = text(child);
                    }
                }
                return html;
            }
        } catch (MessagingException | IOException e) {
            return "(unreadable body: " + e.getMessage() + ")";
        }
        return null;
    }
}
