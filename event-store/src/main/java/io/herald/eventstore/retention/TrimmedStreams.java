package io.herald.eventstore.retention;

import java.util.List;

/**
 * Streams a service owns and wants trimmed group-aware: every entry all consumer groups of the
 * stream have acknowledged is removed, nothing else (docs/design.md §9). A service declares one bean
 * per set of streams it writes; the event store {@code campaigns} is never declared (it is the
 * history kept forever).
 *
 * @param streams stream keys; each is trimmed on its own (one key, one slot, per call)
 */
public record TrimmedStreams(List<String> streams) {

    public TrimmedStreams {
        streams = List.copyOf(streams);
    }

    public static TrimmedStreams of(String... streams) {
        return new TrimmedStreams(List.of(streams));
    }
}
