package io.herald.channel.delivery;

/**
 * {@code key=value} log lines for senders whose delivery is a log line (SMS, push): values are
 * quoted when they hold spaces, quotes, {@code =} or line breaks, so that a line parses back.
 */
public final class StructuredLog {

    private StructuredLog() {
    }

    /** {@code k1=v1 k2=v2 …} from alternating keys and values. */
    public static String line(String... keysAndValues) {
        StringBuilder out = new StringBuilder(128);
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(keysAndValues[i]).append('=').append(quote(keysAndValues[i + 1]));
        }
        return out.toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        if (!value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=' || c == '\\'
                || Character.isISOControl(c))) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
