package io.herald.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Tells a permanent SMTP failure (do not retry: 5xx reply to the recipient, malformed address)
 * from a temporary one (4xx, connection refused or lost, timeout). A 5xx to the sender or to the
 * message (MAIL FROM, DATA) is not counted permanent: it usually means a server-wide problem
 * (configuration, policy) that would fail every notification, which should rather be retried and
 * end in the dead letters, replayable once it is fixed.
 */
final class SmtpFailures {

    private SmtpFailures() {
    }

    /** Whether retrying {@code error} cannot help. */
    static boolean isPermanent(Throwable error) {
        for (Throwable e = error; e != null; e = next(e)) {
            if (e instanceof AddressException) {
                return true;
            }
            int code = replyCode(e);
            if (code >= 500 && code < 600) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the server answered with an error reply (to MAIL, RCPT or DATA): the connection is
     * still in a known state, as opposed to a connection that broke or timed out.
     */
    static boolean isServerReply(Throwable error) {
        for (Throwable e = error; e != null; e = next(e)) {
            if (e instanceof SMTPAddressFailedException || e instanceof SMTPSendFailedException) {
                return true;
            }
        }
        return false;
    }

    /** The server's own words when it refused a recipient (e.g. {@code 550 5.1.1 <a@b>: no such user}). */
    static String reason(Throwable error) {
        for (Throwable e = error; e != null; e = next(e)) {
            if (e instanceof SMTPAddressFailedException failed) {
                return failed.getMessage() == null ? "SMTP " + failed.getReturnCode() : failed.getMessage().strip();
            }
        }
        return error.getMessage();
    }

    /** The SMTP reply code to a rejected recipient, or 0. */
    private static int replyCode(Throwable e) {
        return e instanceof SMTPAddressFailedException failed ? failed.getReturnCode() : 0;
    }

    private static Throwable next(Throwable e) {
        if (e instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != e) {
            return messaging.getNextException();
        }
        return e.getCause() == e ? null : e.getCause();
    }
}
