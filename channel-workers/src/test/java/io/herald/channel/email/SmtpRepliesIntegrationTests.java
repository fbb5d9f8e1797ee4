package io.herald.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.channel.QueuedNotifications;
import io.herald.channel.QueueingTest;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@RealRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "herald.api-key=test-key", "herald.channels=email", "herald.workers.block=200ms",
        "herald.workers.max-attempts=5", "herald.workers.initial-backoff=50ms", "herald.workers.max-backoff=200ms",
        "herald.email.connections=8"})
@DirtiesContext
class SmtpRepliesIntegrationTests extends QueueingTest {

    private static final String STREAM = StreamKeys.notify("email");
    private static final ScriptedSmtpServer smtp = start();


    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtp::port);
    }

    @AfterAll
    static void stopSmtp() throws IOException {
        smtp.close();
    }

    @Test
    void aRecipientRefusedWith550IsFailedWithoutRetryAnd450IsRetriedWhileTheRestIsDelivered() {
        String refused = QueuedNotifications.to(campaign, 2);
        String busy = QueuedNotifications.to(campaign, 3);
        smtp.reject(refused);
        smtp.deferFirst(busy, 2);
        queued.queue(STREAM, campaign, "email", 20);

        await().atMost(Duration.ofSeconds(60)).until(() -> queued.outcomes(STREAM, campaign).size() == 20);
        assertThat(queued.counter(STREAM, campaign, "failed")).isEqualTo(1);
        assertThat(queued.counter(STREAM, campaign, "delivered")).isEqualTo(19);
        assertThat(queued.outcomes(STREAM, campaign).get(campaign + ":u2:email"))
                .contains("\"status\":\"FAILED\"", "\"attempts\":1", "550 5.1.1", "no such user");
        assertThat(smtp.rcptAttempts(refused)).isEqualTo(1);
        assertThat(queued.outcomes(STREAM, campaign).get(campaign + ":u3:email"))
                .contains("\"status\":\"DELIVERED\"", "\"attempts\":3");
        assertThat(smtp.accepted()).doesNotContain(refused).contains(busy);
    }

    @Test
    void fiveThousandEmailsTravelOverAtMostEightReusedSmtpConnections() {
        long start = System.nanoTime();
        queued.queue(STREAM, campaign, "email", 5_000);

        await().atMost(Duration.ofSeconds(180)).until(() -> queued.counter(STREAM, campaign, "delivered") == 5_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("THROUGHPUT email: 5000 mails over SMTP in %.2f s = %.0f mails/s, %d connections in all%n",
                seconds, 5_000 / seconds, smtp.connections());
        // every connection this class's tests opened: the pool keeps them, error replies included
        assertThat(smtp.connections()).isLessThanOrEqualTo(8);
        assertThat(new HashSet<>(smtp.accepted())).contains(QueuedNotifications.to(campaign, 0),
                QueuedNotifications.to(campaign, 4_999));
    }

    private static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
