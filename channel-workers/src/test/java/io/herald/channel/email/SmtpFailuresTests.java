package io.herald.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTests {

    @Test
    void a5xxReplyToTheRecipientIsPermanentEvenWhenNestedInASendFailure() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("a@example.org"), "RCPT TO", 550, "no such user");
        var send = new SendFailedException("Invalid Addresses", refused);

        assertThat(SmtpFailures.isPermanent(send)).isTrue();
        assertThat(SmtpFailures.isServerReply(send)).isTrue();
        assertThat(SmtpFailures.reason(send)).isEqualTo("no such user");
    }

    @Test
    void a4xxReplyToTheRecipientIsTemporary() throws Exception {
        var busy = new SMTPAddressFailedException(new InternetAddress("a@example.org"), "RCPT TO", 450, "busy");

        assertThat(SmtpFailures.isPermanent(new SendFailedException("Invalid Addresses", busy))).isFalse();
    }

    @Test
    void a5xxReplyToTheMessageIsNotBlamedOnTheRecipient() {
        var data = new SMTPSendFailedException("DATA", 554, "policy", null, null, null, null);

        assertThat(SmtpFailures.isPermanent(data)).isFalse();
        assertThat(SmtpFailures.isServerReply(data)).isTrue();
    }

    @Test
    void aMalformedAddressIsPermanentAndARefusedConnectionTemporary() {
        assertThat(SmtpFailures.isPermanent(new AddressException("Missing final '@domain'"))).isTrue();
        var refused = new MessagingException("Couldn't connect to host", new ConnectException("Connection refused"));
        assertThat(SmtpFailures.isPermanent(refused)).isFalse();
        assertThat(SmtpFailures.isServerReply(refused)).isFalse();
    }

    @Test
    void theMessageIdIsTheNotificationIdAsADotAtom() {
        assertThat(NotificationMimeMessage.messageIdOf("c-1:u 2:email", "herald")).isEqualTo("<c-1.u.2.email@herald>");
    }
}
