package io.herald.bench.e2e;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.UserImpl;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.testsupport.FreePorts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real SMTP server on 127.0.0.1 (GreenMail) that counts what it receives and keeps nothing
 * but each message's {@code Message-ID}: a 100,000-mail campaign must not fill the bench's heap.
 * Herald derives the Message-ID from the notification id, so a Message-ID seen twice is a
 * duplicate send. Thread-safe.
 */
public final class SmtpSink implements AutoCloseable {

    private final int port;
    private final GreenMail greenMail;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong withoutId = new AtomicLong();
    private final ConcurrentHashMap<String, Integer> byMessageId = new ConcurrentHashMap<>();
    private volatile long lastReceivedNanos;

    public SmtpSink() {
        // as channel-workers' EmailSender does: a named StreamProvider spares jakarta.mail a
        // ServiceLoader scan per parsed message, which would make the sink the bottleneck
        System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        this.port = FreePorts.next();
        this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        CountingMailbox mailbox = new CountingMailbox();
        greenMail.getUserManager().setMessageDeliveryHandler((message, address) -> mailbox);
    }

    public SmtpSink start() {
        greenMail.start();
        return this;
    }

    public int port() {
        return port;
    }

    /** Messages received, duplicates included. */
    public long received() {
        return received.get();
    }

    /** Distinct Message-IDs received. */
    public long distinct() {
        return byMessageId.size();
    }

    /** Messages received more than once: {@code received - distinct}, not counting those without an id. */
    public long duplicates() {
        return received.get() - withoutId.get() - byMessageId.size();
    }

    /** How many times a Message-ID arrived (0 if never). */
    public int count(String messageId) {
        return byMessageId.getOrDefault(messageId, 0);
    }

    public long lastReceivedNanos() {
        return lastReceivedNanos;
    }

    /** Forgets what it counted (between drills). */
    public void reset() {
        byMessageId.clear();
        received.set(0);
        withoutId.set(0);
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private void count(MimeMessage message) {
        String id = null;
        try {
            id = message.getMessageID();
        } catch (MessagingException e) {
            // counted below as a message without an id
        }
        if (id == null) {
            withoutId.incrementAndGet();
        } else {
            byMessageId.merge(id, 1, Integer::sum);
        }
        received.incrementAndGet();
        lastReceivedNanos = System.nanoTime();
    }

    /** The one mailbox every recipient maps to: counts, stores nothing. */
    private final class CountingMailbox extends UserImpl {

        CountingMailbox() {
            super("sink@bench.local", "sink", "", null); // no IMAP store: both deliver methods are ours
        }

        @Override
        public void deliver(MovingMessage message) {
            count(message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            count(message);
        }
    }
}
