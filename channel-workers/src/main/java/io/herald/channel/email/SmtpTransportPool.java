package io.herald.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections, reused from send to send ({@link JavaMailSenderImpl#send} would open and
 * close one per call, which caps a channel at a few hundred mails per second). A connection is
 * used by one thread at a time; at most {@code size} stay open. A connection that broke is closed;
 * a send that broke on a reused connection (the server may have dropped it while idle) is tried
 * once more on a fresh one. An error reply of the server keeps the connection. Thread-safe.
 */
final class SmtpTransportPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpTransportPool.class);

    private final JavaMailSenderImpl mail;
    private final BlockingQueue<Transport> idle;

    SmtpTransportPool(JavaMailSenderImpl mail, int size) {
        this.mail = mail;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    /**
     * Sends on a pooled connection (blocking).
     *
     * @throws MessagingException as the SMTP server or the connection failed
     */
    void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport reused = idle.poll();
        if (reused != null) {
            try {
                sendOn(reused, message);
                return;
            } catch (MessagingException e) {
                if (SmtpFailures.isServerReply(e)) {
                    throw e;
                }
                log.debug("send on a reused SMTP connection failed, trying a new one: {}", e.toString());
            }
        }
        sendOn(connect(), message);
    }

    private void sendOn(Transport transport, MimeMessage message) throws MessagingException {
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            // an error reply leaves the session usable (the transport sends RSET); a broken connection does not
            if (SmtpFailures.isServerReply(e)) {
                release(transport);
            } else {
                closeQuietly(transport);
            }
            throw e;
        }
        release(transport);
    }

    private Transport connect() throws MessagingException {
        Transport transport = mail.getSession().getTransport(mail.getProtocol());
        transport.connect(mail.getHost(), mail.getPort(), mail.getUsername(), mail.getPassword());
        return transport;
    }

    private void release(Transport transport) {
        if (!idle.offer(transport)) {
            closeQuietly(transport);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("closing an SMTP connection failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        Transport transport;
        while ((transport = idle.poll()) != null) {
            closeQuietly(transport);
        }
    }
}
