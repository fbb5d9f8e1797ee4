package io.herald.eventstore;

/**
 * A stream entry id, {@code <ms>-<seq>}: the milliseconds of Redis's clock when the entry was
 * appended and a sequence within that millisecond. Ordered as Redis orders entries (both parts
 * unsigned).
 */
public record StreamEntryId(long millis, long sequence) implements Comparable<StreamEntryId> {

    /** @throws IllegalArgumentException when {@code id} is not {@code <ms>-<seq>} */
    public static StreamEntryId parse(String id) {
        int dash = id == null ? -1 : id.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("not a stream entry id: '" + id + "'");
        }
        try {
            return new StreamEntryId(Long.parseUnsignedLong(id, 0, dash, 10),
                    Long.parseUnsignedLong(id, dash + 1, id.length(), 10));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream entry id: '" + id + "'", e);
        }
    }

    /** Negative, zero or positive as entry id {@code a} is before, equal to or after {@code b}. */
    public static int compare(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(StreamEntryId other) {
        int byTime = Long.compareUnsigned(millis, other.millis);
        return byTime != 0 ? byTime : Long.compareUnsigned(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
}
