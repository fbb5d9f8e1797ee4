package io.herald.eventstore.retention;

import java.util.List;

/**
 * Streams a service owns and wants trimmed group-aware: every entry all consumer groups of the
 * stream have acknowledged is removed, nothing else (docs/design.md §9). A service declares one bean
 * per set of streams it writes; the event store {@code campaigns} is never declared (it is the
 * history kept forever).
 *
 * @param streams stream keys; each is trimmed on its own (one key, one slot, per call)
 * @param groups the consumer groups that read these streams: until each exists (its service has
 *     started once) nothing is trimmed, since a group created later reads from the start
 */
public record TrimmedStreams(List<String> streams, List<String> groups) {

    public TrimmedStreams {
        streams = List.copyOf(streams);
        groups = List.copyOf(groups);
    }
}
