package io.herald.notification.render;

/**
 * How texts are fitted to a channel's limits. The rule, the same everywhere: a text of at most
 * {@code max} characters (UTF-16 code units, as Java and most provider APIs count them) is kept as
 * it is; a longer text is cut to its first {@code max - 1} characters — one fewer if the cut would
 * split a surrogate pair (an emoji, say) — and gets {@code …} (U+2026) appended, so the result is
 * never longer than {@code max} and the reader sees that it was shortened.
 */
public final class TextLimits {

    /** An SMS text: one GSM message. */
    public static final int SMS_TEXT = 160;
    /** A push title (what lock screens show without wrapping). */
    public static final int PUSH_TITLE = 65;
    /** A push body. */
    public static final int PUSH_BODY = 240;

    private static final char ELLIPSIS = '\u2026';

    private TextLimits() {
    }

    /** {@code text} fitted to {@code max} characters by the rule above; {@code max} must be at least 2. */
    public static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + ELLIPSIS;
    }

    /**
     * A single-line version of {@code text}: line breaks and tabs become single spaces and the ends
     * are trimmed, because a subject or a title is one header line (and a line break in a mail
     * header would let a recipient's name inject headers).
     */
    public static String singleLine(String text) {
        boolean clean = true;
        for (int i = 0; i < text.length() && clean; i++) {
            char c = text.charAt(i);
            clean = c != '\r' && c != '\n' && c != '\t';
        }
        String line = clean ? text : text.replaceAll("[\\r\\n\\t]+", " ");
        return line.strip();
    }
}
