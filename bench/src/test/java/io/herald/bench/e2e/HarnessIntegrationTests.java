package io.herald.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.RedisServerProcess;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own infrastructure against real processes: redis-server, redis-benchmark, SMTP. */
class HarnessIntegrationTests {

    @Test
    void baselineMeasuresXaddOnTheBenchsOwnRedisAndLeavesNoStreamBehind(@TempDir Path dir) {
        try (RedisServerProcess redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary(), dir, List.of());
             RedisAccess access = new RedisAccess(redis.url())) {
            assertThat(redis.port()).isNotIn(6379, 8080, 8081, 8082, 8083);
            double perSecond = XaddBaseline.measure(redis.port(), 20_000, access);
            assertThat(perSecond).isGreaterThan(1000);
            assertThat(access.sync().exists(XaddBaseline.STREAM)).isZero();
        }
    }

    @Test
    void redisWithAofKeepsAcknowledgedWritesAcrossAStopAndDeletesItsDirectoryOnClose(@TempDir Path dir) {
        RedisServerProcess redis = RedisServerProcess.startOnFreePort(RedisServerProcess.binary(), dir,
                RedisServerProcess.appendOnly("always"));
        Path directory = redis.directory();
        try (RedisAccess access = new RedisAccess(redis.url())) {
            access.sync().set("k", "v");
            redis.kill();
            assertThat(redis.running()).isFalse();
            redis.start();
            assertThat(access.sync().get("k")).isEqualTo("v");
        } finally {
            redis.close();
        }
        assertThat(Files.exists(directory)).isFalse();
    }

    @Test
    void smtpSinkCountsMailsAndDuplicateMessageIdsWithoutKeepingThem() throws Exception {
        try (SmtpSink sink = new SmtpSink().start()) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(sink.port()));
            Session session = Session.getInstance(props);
            send(session, "<c1:u1:email@herald>", "a@example.org");
            send(session, "<c1:u2:email@herald>", "b@example.org");
            send(session, "<c1:u1:email@herald>", "a@example.org");
            assertThat(Waits.within(java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(20),
                    () -> sink.received() == 3)).isTrue();
            assertThat(sink.distinct()).isEqualTo(2);
            assertThat(sink.duplicates()).isEqualTo(1);
            assertThat(sink.count("<c1:u1:email@herald>")).isEqualTo(2);
        }
    }

    private static void send(Session session, String messageId, String to) throws Exception {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress("herald@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("hello");
        message.setText("body");
        Transport.send(message);
    }
}
