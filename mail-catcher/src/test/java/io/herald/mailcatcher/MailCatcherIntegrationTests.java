package io.herald.mailcatcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testsupport.FreePorts;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailCatcherIntegrationTests {

    MailCatcher.Running catcher;
    int smtpPort;
    int httpPort;

    @BeforeEach
    void start() throws IOException {
        smtpPort = FreePorts.next();
        httpPort = FreePorts.next();
        catcher = MailCatcher.start("127.0.0.1", smtpPort, httpPort, 1000);
    }

    @AfterEach
    void stop() {
        catcher.close();
    }

    @Test
    void everyAddressIsTakenIncludingTheOneGreenMailsMailboxHashRefusedAtThousandsOfMailsPerSecond() throws Exception {
        int connections = 4;
        int perConnection = 1500;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> sends = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int connection = c;
            sends.add(pool.submit(() -> {
                sendMany(connection, perConnection);
                return null;
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = (long) connections * perConnection;
        System.out.printf("mail catcher took %d mails in %.2f s: %.0f mails/s%n", total, seconds, total / seconds);

        assertThat(catcher.inbox().received()).isEqualTo(total);
        assertThat(catcher.inbox().newest(1000, "")).hasSize(1000);
        // the last mail of connection 0, so still among the newest kept
        assertThat(catcher.inbox().newest(10, "amber.keeling93009@example.com")).hasSize(1);
    }

    @Test
    void mailsAreReadableOverHttpAndEverythingShownIsEscaped() throws Exception {
        send("ada@example.com", "<img src=x onerror=alert(1)>", "Hello Ada\nline two");

        String page = get("/");
        assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
        assertThat(get("/api/mails?to=ada@")).contains("\"to\":\"ada@example.com\"").contains("Hello Ada\\r\\nline two")
                .doesNotContain("<img");
        assertThat(get("/mails/1")).contains("Hello Ada").contains("&lt;img");
        assertThat(get("/api/stats")).isEqualTo("{\"received\":1}");
    }

    private void sendMany(int connection, int count) throws Exception {
        Session session = session();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = 0; i < count; i++) {
                String to = connection == 0 && i == count - 1 ? "amber.keeling93009@example.com"
                        : "user" + connection + "-" + i + "@example.com";
                MimeMessage message = message(session, to, "Hi " + i, "Markets are up, user " + i + ".");
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
    }

    private void send(String to, String subject, String body) throws Exception {
        Session session = session();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            MimeMessage message = message(session, to, subject, body);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        return Session.getInstance(props);
    }

    private static MimeMessage message(Session session, String to, String subject, String body) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("herald@example.com"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject);
        message.setText(body);
        return message;
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
