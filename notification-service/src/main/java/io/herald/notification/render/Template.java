package io.herald.notification.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A message template compiled once and rendered for many recipients without parsing again.
 *
 * <p>Syntax: {@code {{placeholder}}} (spaces inside the braces allowed, name case-insensitive; see
 * {@link Placeholder} for the names). Anything else — an unknown name such as {@code {{coupon}}},
 * a lone {@code {{} or {@code }}} — is kept verbatim, so that an operator sees the typo in the
 * message instead of losing text. Immutable and thread-safe.
 */
public final class Template {

    /** A piece of a template: literal text or a placeholder (exactly one of the two is set). */
    private record Segment(String literal, Placeholder placeholder) {
    }

    private final Segment[] segments;
    private final int literalLength;

    private Template(Segment[] segments, int literalLength) {
        this.segments = segments;
        this.literalLength = literalLength;
    }

    /** Compiles {@code source}; null is the empty template. */
    public static Template compile(String source) {
        String text = source == null ? "" : source;
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (close < 0) {
                literal.append(text, i, text.length());
                break;
            }
            Placeholder placeholder = Placeholder.named(text.substring(open + 2, close));
            if (placeholder == null) {
                // unknown: keep "{{" literally and look for the next placeholder right after it
                literal.append(text, i, open + 2);
                i = open + 2;
                continue;
            }
            literal.append(text, i, open);
            if (!literal.isEmpty()) {
                segments.add(new Segment(literal.toString(), null));
                literal.setLength(0);
            }
            segments.add(new Segment(null, placeholder));
            i = close + 2;
        }
        if (!literal.isEmpty()) {
            segments.add(new Segment(literal.toString(), null));
        }
        int length = segments.stream().mapToInt(s -> s.literal() == null ? 16 : s.literal().length()).sum();
        return new Template(segments.toArray(Segment[]::new), length);
    }

    /** The text for these values (which may be null for a {@linkplain #isConstant() constant} template). */
    String render(Placeholder.Values values) {
        if (segments.length == 1 && segments[0].literal() != null) {
            return segments[0].literal();
        }
        StringBuilder out = new StringBuilder(literalLength);
        for (Segment segment : segments) {
            out.append(segment.literal() != null ? segment.literal() : segment.placeholder().valueOf(values));
        }
        return out.toString();
    }

    /** Whether the template has no placeholder, so every recipient gets the same text. */
    boolean isConstant() {
        for (Segment segment : segments) {
            if (segment.placeholder() != null) {
                return false;
            }
        }
        return true;
    }
}
