package io.herald.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 text body, encoded once, with its {@code Content-Type} and {@code Content-Transfer-Encoding}
 * given up front. Jakarta Mail's {@code setText} leaves both to be worked out at {@code saveChanges}:
 * it writes the text once through the activation framework's mailcap registry
 * ({@code MailcapCommandMap}, a class lookup per part) only to guess the encoding
 * ({@code MimeUtility.getEncoding}), then again to send it; in the benchmark's profile that was
 * about a fifth of channel-workers' CPU. The encoding is chosen by the same rule
 * ({@code MimeUtility.getEncoding}: all ASCII in lines of at most 998 bytes → {@code 7bit}, mostly
 * ASCII → {@code quoted-printable}, else {@code base64}), so the bytes sent are the same.
 * Immutable.
 */
record MimeText(String contentType, String transferEncoding, byte[] encoded) {

    private static final int MAX_LINE = 998;

    /** {@code text} as {@code text/<subtype>; charset=UTF-8}. */
    static MimeText of(String text, String subtype) throws MessagingException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String encoding = encodingOf(utf8);
        return new MimeText("text/" + subtype + "; charset=UTF-8", encoding, encode(utf8, encoding));
    }

    /** This text as a body part of a multipart: raw content, no data handler to resolve. */
    MimeBodyPart part() throws MessagingException {
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", contentType);
        headers.setHeader("Content-Transfer-Encoding", transferEncoding);
        return new MimeBodyPart(headers, encoded);
    }

    private static String encodingOf(byte[] utf8) {
        int nonAscii = 0;
        int lineLength = 0;
        boolean longLine = false;
        for (byte value : utf8) {
            int b = value & 0xff;
            if (b == '\r' || b == '\n') {
                lineLength = 0;
                continue;
            }
            if (++lineLength > MAX_LINE) {
                longLine = true;
            }
            if (b >= 0x7f || (b < 0x20 && b != '\t')) {
                nonAscii++;
            }
        }
        if (nonAscii == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return nonAscii >= utf8.length - nonAscii ? "base64" : "quoted-printable";
    }

    private static byte[] encode(byte[] utf8, String encoding) throws MessagingException {
        if ("7bit".equals(encoding)) {
            return utf8;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(utf8.length * 3 / 2 + 16);
        try {
            OutputStream encoder = MimeUtility.encode(bytes, encoding);
            encoder.write(utf8);
            // flushed, not closed, as Jakarta Mail writes a body: closing base64 would add a line break
            encoder.flush();
        } catch (IOException e) {
            throw new MessagingException("cannot encode a mail body as " + encoding, e);
        }
        return bytes.toByteArray();
    }
}
