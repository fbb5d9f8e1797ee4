package io.herald.channel.email;

import io.herald.channel.delivery.ChannelSender;
import io.herald.channel.delivery.Notification;
import io.herald.channel.delivery.SendResult;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
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

    private final JavaMailSenderImpl mail;
    private final EmailProperties properties;
    private final SmtpTransportPool pool;
    private final Scheduler scheduler;

    EmailSender(JavaMailSenderImpl mail, EmailProperties properties) {
        this.mail = mail;
        this.properties = properties;
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

    private MimeMessage message(Notification notification) throws MessagingException {
        MimeMessage message = new NotificationMimeMessage(mail.getSession(),
                NotificationMimeMessage.messageIdOf(notification.notificationId(), properties.messageIdDomain()));
        boolean html = notification.html() != null && !notification.html().isBlank();
        MimeMessageHelper helper = new MimeMessageHelper(message, html, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(notification.to());
        helper.setSubject(notification.subject() == null ? "" : notification.subject());
        String text = notification.body() == null ? "" : notification.body();
        if (html) {
            helper.setText(text, notification.html());
        } else {
            helper.setText(text);
        }
        return message;
    }

    /** Stops the send threads and closes the open SMTP connections (after the consumers stopped). */
    @Override
    public void destroy() {
        scheduler.dispose();
        pool.close();
    }
}
