package io.herald.mailcatcher;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * Starts the catcher: SMTP on {@code MAIL_CATCHER_SMTP_PORT} (1025) and the web pages on
 * {@code MAIL_CATCHER_HTTP_PORT} (8025), both on {@code MAIL_CATCHER_HOST} (127.0.0.1), keeping
 * the newest {@code MAIL_CATCHER_KEEP} (20,000) mails. Stops on SIGTERM.
 *
 * <p>Why Herald's own: GreenMail standalone refused one seeded address in 100,000 (its mailbox
 * names are 32-bit hashes) and took ~560 mails/s; Mailpit and MailHog are single binaries from
 * GitHub, not in Debian or Maven Central, and a first run must need only a JDK and apt-get. This
 * keeps GreenMail's well-tested SMTP server and replaces only its mailbox store.
 */
public final class MailCatcher {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /** A running catcher. */
    record Running(GreenMail smtp, HttpServer http, Inbox inbox) implements AutoCloseable {

        @Override
        public void close() {
            http.stop(0);
            smtp.stop();
        }
    }

    private MailCatcher() {
    }

    public static void main(String[] args) throws IOException {
        String host = env("MAIL_CATCHER_HOST", "127.0.0.1");
        int smtpPort = Integer.parseInt(env("MAIL_CATCHER_SMTP_PORT", "1025"));
        int httpPort = Integer.parseInt(env("MAIL_CATCHER_HTTP_PORT", "8025"));
        Running running = start(host, smtpPort, httpPort, Integer.parseInt(env("MAIL_CATCHER_KEEP", "20000")));
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        System.out.printf("mail catcher: SMTP %s:%d, mails at http://%s:%d/%n", host, smtpPort, host, httpPort);
    }

    /** Starts SMTP and HTTP; both listen when this returns. */
    static Running start(String host, int smtpPort, int httpPort, int keep) throws IOException {
        fastMimeParsing();
        Inbox inbox = new Inbox(keep);
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        smtp.getUserManager().setMessageDeliveryHandler((message, address) -> inbox);
        smtp.start();
        HttpServer http = HttpServer.create(new InetSocketAddress(host, httpPort), 64);
        new MailPages(inbox).register(http);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.start();
        return new Running(smtp, http, inbox);
    }

    /**
     * jakarta.mail-api 2.1 looks its {@code StreamProvider} up with a {@code ServiceLoader} on every
     * message and MIME part it parses (jakartaee/mail-api#699, #861): a class-path scan that took
     * about a third of the catcher's CPU per mail. Naming the provider turns it into a class lookup.
     */
    static void fastMimeParsing() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
