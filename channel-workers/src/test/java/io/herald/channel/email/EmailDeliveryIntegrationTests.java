package io.herald.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.herald.channel.QueuedNotifications;
import io.herald.channel.QueueingTest;
import io.herald.channel.delivery.Notification;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.UnsubscribeLinks;
import io.herald.testsupport.FreePorts;
import io.herald.testsupport.RealRedis;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=email,sms,push", "herald.workers.block=200ms",
        "herald.workers.max-attempts=50", "herald.workers.initial-backoff=100ms", "herald.workers.max-backoff=500ms",
        "herald.unsubscribe.secret=test-secret", "herald.public-url=https://herald.example.org/",
        "herald.sms.opt-out-line=Stop: {url}"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class EmailDeliveryIntegrationTests extends QueueingTest {

    private static final String STREAM = StreamKeys.notify("email");
    private static final ServerSetup SMTP = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static GreenMail greenMail = started();

    @Autowired
    WebTestClient web;


    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", SMTP::getBindAddress);
        registry.add("spring.mail.port", SMTP::getPort);
    }

    @AfterAll
    static void stopSmtp() {
        greenMail.stop();
    }

    @Test
    void anEmailArrivesOverSmtpWithItsSubjectTextAndHtmlAndAMessageIdFromTheNotificationId() throws Exception {
        Notification notification = new Notification(campaign + ":u1:email", campaign, "u1", "email",
                "ada@example.org", "Finance news for Ada", "Hello Ada, rates moved.",
                "<p>Hello <b>Ada</b>, rates moved.</p>", 1, "Finance");
        queued.queue(STREAM, List.of(notification));

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 1);
        MimeMessage mail = receivedFor("ada@example.org");
        assertThat(mail.getMessageID()).isEqualTo("<" + campaign + ".u1.email@herald>");
        assertThat(mail.getSubject()).isEqualTo("Finance news for Ada");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("herald@localhost");
        MimeMultipart alternatives = alternatives(mail);
        assertThat(alternatives.getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternatives.getBodyPart(0).getContent().toString()).startsWith("Hello Ada, rates moved.").contains("Unsubscribe from Finance: https://herald.example.org/unsubscribe/");
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(alternatives.getBodyPart(1).getContent().toString()).startsWith("<p>Hello <b>Ada</b>, rates moved.</p>");
        assertThat(queued.outcomes(STREAM, campaign).get(notification.notificationId())).contains("\"status\":\"DELIVERED\"");
    }

    @Test
    void aCampaignMailCarriesOneClickUnsubscribeHeadersAndAVisibleLinkNamingItsRecipientAndCategory() throws Exception {
        Notification notification = new Notification(campaign + ":42:email", campaign, "42", "email",
                "grace@example.org", "Finance tonight", "Hello Grace.", "<html><body><p>Hello Grace.</p></body></html>",
                1, "Finance");
        queued.queue(STREAM, List.of(notification));

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(STREAM, campaign, "delivered") == 1);
        MimeMessage mail = receivedFor("grace@example.org");
        String header = mail.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<https://herald.example.org/unsubscribe/").endsWith(">");
        assertThat(mail.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String url = header.substring(1, header.length() - 1);
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(new UnsubscribeLinks("test-secret", "").verify(token))
                .contains(new UnsubscribeLinks.Unsubscribe("42", "Finance"));
        MimeMultipart alternatives = alternatives(mail);
        assertThat(alternatives.getBodyPart(0).getContent().toString()).contains("Unsubscribe from Finance: " + url);
        assertThat(alternatives.getBodyPart(1).getContent().toString())
                .contains("<a href=\"" + url + "\">Unsubscribe from Finance</a></p></body>");
    }

    @Test
    void aTransactionalMailCarriesNoUnsubscribeLink() throws Exception {
        String transactional = "tx-" + campaign;
        Notification notification = new Notification(transactional + ":43:email", transactional, "43", "email",
                "alan@example.org", "Your code", "Your code is 1234.", null, 1, null);
        queued.queue(StreamKeys.priority("email"), List.of(notification));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                queued.counter(StreamKeys.priority("email"), transactional, "delivered") == 1);
        MimeMessage mail = receivedFor("alan@example.org");
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
        assertThat(mail.getContent().toString()).isEqualTo("Your code is 1234.");
    }

    @Test
    void whileTheSmtpServerIsDownEmailsWaitAndRetryAndAllArriveOnceItIsBack() {
        greenMail.stop();
        List<Notification> notifications = queued.queue(STREAM, campaign, "email", 30);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                queued.redis().hlen(StreamKeys.attempts(STREAM, "channel-workers")) >= 30);
        assertThat(queued.counter(STREAM, campaign, "delivered")).isZero();
        // an SMTP outage is not a health problem of the worker (no "mail" contributor that could turn it DOWN)
        web.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/actuator/health/mail").exchange().expectStatus().isNotFound();

        greenMail = started();

        await().atMost(Duration.ofSeconds(60)).until(() -> queued.counter(STREAM, campaign, "delivered") == 30);
        assertThat(queued.outcomes(STREAM, campaign).values()).allMatch(o -> o.contains("\"status\":\"DELIVERED\""))
                .anyMatch(o -> !o.contains("\"attempts\":1,"));
        List<String> recipients = IntStream.range(0, 30).mapToObj(i -> QueuedNotifications.to(campaign, i)).toList();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Arrays.stream(greenMail.getReceivedMessages())
                .map(EmailDeliveryIntegrationTests::recipient).filter(recipients::contains).toList())
                .hasSameSizeAs(notifications).containsAll(recipients));
    }

    @Test
    void smsAndPushAreDeliveredAsOneStructuredLogLineEachWithTheRecipientMasked(CapturedOutput output) {
        queued.queue(StreamKeys.notify("sms"), List.of(new Notification(campaign + ":u7:sms", campaign, "u7", "sms",
                "+491701234567", null, "Rates moved, Bo.", null, 1, "Finance")));
        queued.queue(StreamKeys.notify("push"), List.of(new Notification(campaign + ":u7:push", campaign, "u7", "push",
                "device-token-7", "Finance", "Rates moved, Bo.", null, 1, "Finance")));

        await().atMost(Duration.ofSeconds(30)).until(() -> queued.counter(StreamKeys.notify("sms"), campaign, "delivered") == 1
                && queued.counter(StreamKeys.notify("push"), campaign, "delivered") == 1);
        assertThat(output.getOut()).contains("herald.delivery.sms", "notificationId=" + campaign
                + ":u7:sms to=+49*******567 text=\"Rates moved, Bo. Stop: https://herald.example.org/unsubscribe/");
        assertThat(output.getOut()).contains("herald.delivery.push", "notificationId=" + campaign
                + ":u7:push to=dev*** title=Finance body=\"Rates moved, Bo.\"");
        assertThat(output.getOut()).doesNotContain("+491701234567").doesNotContain("device-token-7");
    }

    private MimeMessage receivedFor(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> address.equals(recipient(m)))
                .findFirst().orElseThrow();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The multipart/alternative part, at the top or nested in other multiparts. */
    private static MimeMultipart alternatives(MimeMessage mail) throws Exception {
        MimeMultipart part = (MimeMultipart) mail.getContent();
        while (!part.getContentType().startsWith("multipart/alternative")) {
            part = (MimeMultipart) part.getBodyPart(0).getContent();
        }
        return part;
    }

    private static GreenMail started() {
        GreenMail server = new GreenMail(SMTP);
        server.start();
        return server;
    }
}
