package io.herald.channel.email;

import io.herald.channel.delivery.ChannelSender;
import io.herald.channel.delivery.Notification;
import io.herald.channel.delivery.OptOutLinks;
import io.herald.channel.delivery.SendResult;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code email} channel: real SMTP through Spring Mail's session configuration
 * ({@code spring.mail.*}). Each notification becomes one mail to {@code to}, text and HTML
 * alternatives when there is HTML, with the Message-ID {@code <notificationId@domain>}. Sends run
 * on a bounded scheduler of {@code herald.email.connections} threads, each reusing an open SMTP
 * connection, never on event-loop threads.
 */
@Component
class EmailSender implements ChannelSender, DisposableBean {

    private static final String UTF_8 = "UTF-8";
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up with a ServiceLoader scan of the class path on
        // every body part, multipart and header encoding (jakartaee/mail-api#699, #861: still open);
        // naming the implementation skips the scan. In the benchmark's profile the scans were 86 % of
        // channel-workers' CPU and capped e-mail at 900 mails/s.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSenderImpl mail;
    private final EmailProperties properties;
    private final SmtpTransportPool pool;
    private final Scheduler scheduler;
    private final InternetAddress from;
    private final OptOutLinks optOut;

    EmailSender(JavaMailSenderImpl mail, EmailProperties properties, OptOutLinks optOut) throws AddressException {
        this.mail = mail;
        this.optOut = optOut;
        this.properties = properties;
        this.from = address(properties.from());
        this.pool = new SmtpTransportPool(mail, properties.connections());
        this.scheduler = Schedulers.newBoundedElastic(properties.connections(), Integer.MAX_VALUE, "herald-smtp");
    }

    @Override
    public String channel() {
        return "email";
    }

    @Override
    public Mono<SendResult> send(Notification notification) {
        return Mono.fromCallable(() -> sendNow(notification)).subscribeOn(scheduler);
    }

    /**
     * At most {@code herald.email.connections} sends of a batch at once, whatever the workers'
     * concurrency: more would only queue for a connection, and each finished one waits for its
     * slice to be settled, so a worker killed then would send it again.
     */
    @Override
    public Flux<Sent> sendAll(List<Notification> notifications, int concurrency) {
        return ChannelSender.super.sendAll(notifications, Math.min(concurrency, properties.connections()));
    }

    private SendResult sendNow(Notification notification) throws MessagingException {
        try {
            pool.send(message(notification));
            return SendResult.delivered();
        } catch (MessagingException e) {
            if (SmtpFailures.isPermanent(e)) {
                return SendResult.rejected("SMTP: " + SmtpFailures.reason(e));
            }
            throw e;
        }
    }

    /**
     * The mail: plain text, or {@code multipart/alternative} with a text and an HTML part. Built
     * with the Jakarta Mail API directly rather than Spring's {@code MimeMessageHelper}, which
     * creates a {@code ConfigurableMimeFileTypeMap} per message (loading {@code mime.types} from the
     * class path: 48 % of channel-workers' CPU and 420 mails/s in the benchmark's profile). The
     * bodies are encoded here, once, with their content type and transfer encoding set
     * ({@link MimeText}), so that Jakarta Mail neither guesses the encoding nor resolves a content
     * handler per part.
     */
    private MimeMessage message(Notification notification) throws MessagingException {
        NotificationMimeMessage message = new NotificationMimeMessage(mail.getSession(),
                NotificationMimeMessage.messageIdOf(notification.notificationId(), properties.messageIdDomain()));
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, address(notification.to()));
        message.setSubject(notification.subject() == null ? "" : notification.subject(), UTF_8);
        String text = notification.body() == null ? "" : notification.body();
        String htmlText = notification.html();
        String unsubscribe = optOut.urlFor(notification);
        if (unsubscribe != null) {
            // RFC 8058 one-click: the provider POSTs "List-Unsubscribe=One-Click" to the URL
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            text = UnsubscribeFooter.text(text, notification.category(), unsubscribe);
            htmlText = htmlText == null || htmlText.isBlank() ? htmlText
                    : UnsubscribeFooter.html(htmlText, notification.category(), unsubscribe);
        }
        if (htmlText == null || htmlText.isBlank()) {
            message.setBody(MimeText.of(text, "plain"));
            return message;
        }
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(MimeText.of(text, "plain").part());
        alternatives.addBodyPart(MimeText.of(htmlText, "html").part());
        message.setContent(alternatives);
        return message;
    }

    /** Exactly one address, or an {@link AddressException} (a permanent failure: never retried). */
    private static InternetAddress address(String text) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(text == null ? "" : text);
        if (parsed.length != 1) {
            throw new AddressException("not exactly one address", text);
        }
        return parsed[0];
    }

    /** Stops the send threads and closes the open SMTP connections (after the consumers stopped). */
    @Override
    public void destroy() {
        scheduler.dispose();
        pool.close();
    }
}
