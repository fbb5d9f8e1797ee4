package io.herald.mailcatcher;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where every mail goes: GreenMail delivers each recipient's copy to this one "user", so there is
 * no per-address mailbox (GreenMail's own store names mailboxes by a 32-bit hash of the address,
 * which refused one of 100,000 seeded addresses, and creates a user per address, which held it
 * near 560 mails/s). Counts every mail; keeps the newest {@code keep} in memory. Thread-safe.
 */
final class Inbox implements GreenMailUser {

    static final int MAX_TEXT = 16 * 1024;

    private final int keep;
    private final Deque<CaughtMail> newest = new ArrayDeque<>();
    private final AtomicLong received = new AtomicLong();

    Inbox(int keep) {
        this.keep = keep;
    }

    long received() {
        return received.get();
    }

    /** Up to {@code limit} kept mails, newest first, to an address containing {@code to} (any when blank). */
    synchronized List<CaughtMail> newest(int limit, String to) {
        String wanted = to == null ? "" : to.strip().toLowerCase(Locale.ROOT);
        List<CaughtMail> found = new ArrayList<>();
        for (Iterator<CaughtMail> it = newest.descendingIterator(); it.hasNext() && found.size() < limit; ) {
            CaughtMail mail = it.next();
            if (wanted.isEmpty() || mail.to().toLowerCase(Locale.ROOT).contains(wanted)) {
                found.add(mail);
            }
        }
        return found;
    }

    synchronized Optional<CaughtMail> find(long id) {
        return newest.stream().filter(mail -> mail.id() == id).findFirst();
    }

    synchronized void purge() {
        newest.clear();
    }

    private void keep(MimeMessage message, String recipient) {
        CaughtMail mail = new CaughtMail(received.incrementAndGet(), Instant.now(), recipient,
                addresses(message, true), header(message, "Subject"), header(message, "Message-ID"), text(message));
        synchronized (this) {
            newest.addLast(mail);
            while (newest.size() > keep) {
                newest.removeFirst();
            }
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return name.equals("Subject") ? message.getSubject() : message.getHeader(name, ",");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String addresses(MimeMessage message, boolean from) {
        try {
            Address[] list = from ? message.getFrom() : message.getRecipients(Message.RecipientType.TO);
            if (list == null) {
                return "";
            }
            List<String> names = new ArrayList<>();
            for (Address a : list) {
                names.add(a.toString());
            }
            return String.join(", ", names);
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The first text/plain part (or the whole body when it is text), cut at {@link #MAX_TEXT}. */
    static String text(jakarta.mail.Part part) {
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

    // ---- GreenMailUser: the one mailbox of every recipient ----

    @Override
    public void deliver(MovingMessage message) {
        String to = message.getToAddresses().isEmpty() ? "" : message.getToAddresses().iterator().next().getEmail();
        keep(message.getMessage(), to);
    }

    @Override
    public void deliver(MimeMessage message) {
        keep(message, addresses(message, false));
    }

    @Override
    public String getEmail() {
        return "inbox@catcher.local";
    }

    @Override
    public String getLogin() {
        return "inbox";
    }

    @Override
    public void create() {
    }

    @Override
    public void delete() {
    }

    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public void setPassword(String password) {
    }

    @Override
    public void authenticate(String password) {
    }

    @Override
    public String getQualifiedMailboxName() {
        return "inbox";
    }
}
