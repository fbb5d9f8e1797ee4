package io.herald.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies encoded up front are sent as the same bytes as Jakarta Mail's own {@code setText} would
 * send: same headers, same transfer encoding (7bit, quoted-printable or base64 by the same rule),
 * same body.
 */
class MimeTextTests {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "Dear Adah Morar, this is Herald's bench campaign to Finance.",
            "Hello\r\n\tindented line\nbare LF line\r\nUnsubscribe: https://herald.example.org/unsubscribe/abc?x=1&y=2",
            "Grüße aus Köln, café crème — 10 € only",
            "Привет, это рассылка Herald 你好世界 こんにちは",
            "trailing spaces   \nand = signs = here",
    })
    void aPlainTextMailIsTheSameBytesAsWithSetText(String text) throws Exception {
        assertPlainTextAsSetText(text);
    }

    @ParameterizedTest
    @ValueSource(ints = {998, 999, 5000})
    void longLinesAreEncodedAsSetTextEncodesThem(int length) throws Exception {
        assertPlainTextAsSetText("x".repeat(length));
    }

    private static void assertPlainTextAsSetText(String text) throws Exception {
        MimeMessage reference = message();
        reference.setText(text, "UTF-8");
        NotificationMimeMessage encoded = message();
        encoded.setBody(MimeText.of(text, "plain"));

        assertThat(written(encoded)).isEqualTo(written(reference));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>Hello <b>Adah</b></p>", "<p>Grüße — <a href=\"https://x.org/u?a=1\">abmelden</a></p>"})
    void aTextAndHtmlMailIsTheSameBytesAsWithSetText(String html) throws Exception {
        String text = "Hello Adah, Grüße";
        MimeMessage reference = message();
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        MimeMultipart referenceParts = new MimeMultipart("alternative");
        referenceParts.addBodyPart(plain);
        referenceParts.addBodyPart(htmlPart);
        reference.setContent(referenceParts);
        NotificationMimeMessage encoded = message();
        MimeMultipart parts = new MimeMultipart("alternative");
        parts.addBodyPart(MimeText.of(text, "plain").part());
        parts.addBodyPart(MimeText.of(html, "html").part());
        encoded.setContent(parts);

        assertThat(withoutBoundary(written(encoded))).isEqualTo(withoutBoundary(written(reference)));
    }

    private static NotificationMimeMessage message() throws Exception {
        NotificationMimeMessage message = new NotificationMimeMessage(SESSION, "<n-1@herald>");
        message.setFrom("herald@localhost");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "adah@example.org");
        message.setSubject("Grüße from Herald", "UTF-8");
        message.setSentDate(new java.util.Date(1_764_672_000_000L)); // the same in both mails
        return message;
    }

    private static String written(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String withoutBoundary(String mail) {
        Matcher boundary = BOUNDARY.matcher(mail);
        assertThat(boundary.find()).as("a boundary in %s", mail).isTrue();
        return mail.replace(boundary.group(1), "BOUNDARY");
    }
}
