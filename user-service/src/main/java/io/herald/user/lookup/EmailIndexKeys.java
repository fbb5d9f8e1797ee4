package io.herald.user.lookup;

import java.util.Locale;

/**
 * The keys of the e-mail index, private to user-service: one string key per address (so every
 * command touches one key and the index is cluster-safe), and the highest user id indexed so far.
 */
final class EmailIndexKeys {

    /** Highest user id whose address is in the index (string integer). */
    static final String INDEXED_UP_TO = "user-email:indexed-up-to";

    private EmailIndexKeys() {
    }

    /** The index entry of an address; addresses are compared case-insensitively. */
    static String byEmail(String email) {
        return "user-email:" + email.strip().toLowerCase(Locale.ROOT);
    }
}
