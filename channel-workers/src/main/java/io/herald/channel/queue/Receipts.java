package io.herald.channel.queue;

import io.herald.kit.ProblemException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Receipts: 128 random bits from a secure source, base64url without padding (22 characters), so
 * that a receipt can be neither guessed nor forged. Thread-safe.
 */
final class Receipts {

    private static final int BYTES = 16;
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** {@code count} fresh receipts. */
    String[] next(int count) {
        String[] receipts = new String[count];
        byte[] bytes = new byte[BYTES];
        for (int i = 0; i < count; i++) {
            random.nextBytes(bytes);
            receipts[i] = ENCODER.encodeToString(bytes);
        }
        return receipts;
    }

    /**
     * @return {@code receipt} when it has the form of a receipt (known or not)
     * @throws ProblemException 400 naming the field {@code receipt} otherwise
     */
    static String requireWellFormed(String receipt) {
        if (receipt == null || !WELL_FORMED.matcher(receipt).matches()) {
            throw ProblemException.invalidField("receipt", "is not a receipt issued by fetch (22 base64url characters)");
        }
        return receipt;
    }
}
