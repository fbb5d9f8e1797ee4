package io.herald.channel.queue;

/** A stream entry id ({@code <ms>-<seq>}), ordered as Redis orders entries. */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {

    static StreamId parse(String id) {
        int dash = id.indexOf('-');
        return new StreamId(Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)));
    }

    @Override
    public int compareTo(StreamId other) {
        int byTime = Long.compareUnsigned(millis, other.millis);
        return byTime != 0 ? byTime : Long.compareUnsigned(sequence, other.sequence);
    }
}
