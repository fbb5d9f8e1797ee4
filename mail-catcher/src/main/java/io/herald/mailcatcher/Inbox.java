package io.herald.mailcatcher;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.UserImpl;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
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
 * Where every mail goes: GreenMail delivers each recipient's copy to this one user, so there is
 * no per-address mailbox (GreenMail's own store names mailboxes by a 32-bit hash of the address,
 * which refused one of 100,000 seeded addresses, and creates a user per address). Counts every
 * mail; keeps the newest {@code keep} as received (see {@link CaughtMail}). Thread-safe.
 */
final class Inbox extends UserImpl {

    private final int keep;
    private final Deque<CaughtMail> newest = new ArrayDeque<>();
    private final AtomicLong received = new AtomicLong();

    Inbox(int keep) {
        super("inbox@catcher.local", "inbox", "", null); // no IMAP store: both deliver methods are ours
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

    @Override
    public void deliver(MovingMessage message) {
        String to = message.getToAddresses().isEmpty() ? "" : message.getToAddresses().iterator().next().getEmail();
        keep(message.getMessage(), to);
    }

    @Override
    public void deliver(MimeMessage message) {
        String to = "";
        try {
            jakarta.mail.Address[] recipients = message.getAllRecipients();
            to = recipients == null || recipients.length == 0 ? "" : recipients[0].toString();
        } catch (MessagingException e) {
            // kept without a recipient
        }
        keep(message, to);
    }

    private void keep(MimeMessage message, String recipient) {
        CaughtMail mail = new CaughtMail(received.incrementAndGet(), Instant.now(), recipient, message);
        synchronized (this) {
            newest.addLast(mail);
            while (newest.size() > keep) {
                newest.removeFirst();
            }
        }
    }
}
