package io.herald.kit.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal data Herald holds — e-mail addresses, phone numbers, device tokens — for
 * log lines: {@code a***@example.org}, {@code +44******750}, {@code dev***}. Senders mask the
 * recipients they log themselves; {@link #scrub} is the safety net every log line goes through
 * (see {@code logback.xml}), which finds addresses and E.164 numbers anywhere in a text.
 * Pure functions, thread-safe.
 */
public final class PersonalData {

    private static final Pattern EMAIL = Pattern.compile("([A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]*@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private PersonalData() {
    }

    /** {@code ada@example.com} → {@code a***@example.com}. */
    public static String email(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at <= 0 ? token(address) : address.charAt(0) + "***" + address.substring(at);
    }

    /** {@code +4915112345678} → {@code +49*********678}: country code and last three digits. */
    public static String phone(String number) {
        if (number == null || number.length() < 8) {
            return token(number);
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 6) + number.substring(number.length() - 3);
    }

    /** A device token (or anything else): its first three characters. */
    public static String token(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= 3 ? "***" : value.substring(0, 3) + "***";
    }

    /** A recipient of any channel: an e-mail address, an E.164 number or a device token, masked. */
    public static String recipient(String to) {
        if (to == null) {
            return null;
        }
        if (to.indexOf('@') > 0) {
            return email(to);
        }
        return PHONE.matcher(to).matches() ? phone(to) : token(to);
    }

    /** The text with every e-mail address and E.164 phone number in it masked. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        // each pattern only where its anchor character occurs: the e-mail pattern tries every
        // position of a text, which SMS and push log lines (a '+' but no '@') need not pay for
        String masked = text.indexOf('@') < 0 ? text : EMAIL.matcher(text).replaceAll(
                match -> Matcher.quoteReplacement(match.group(1) + "***@" + match.group(2)));
        return masked.indexOf('+') < 0 ? masked : PHONE.matcher(masked).replaceAll(match -> phone(match.group()));
    }
}
