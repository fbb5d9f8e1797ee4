package io.herald.eventstore.consumer;

import io.herald.eventstore.EventEnvelope;
import java.util.Map;

/**
 * One entry handed to an {@link EntryHandler}.
 *
 * @param stream the stream it was read from
 * @param id its stream entry id
 * @param fields its raw fields (for dead letters and foreign formats)
 * @param attempt 1 on the first delivery, n + 1 after n failed attempts (attempts cut short by a
 *     crash are not counted, so an entry may be seen more often than this says)
 * @param redelivered {@code false} when the entry came fresh from the stream ({@code XREADGROUP >}),
 *     so no consumer of the group has had it before; {@code true} when it was taken from a pending
 *     list (own recovery, a claim, a retry), so its work may have been done already
 *
 * <p>Immutable and thread-safe.
 */
public record StreamEntry(String stream, String id, Map<String, String> fields, int attempt,
                          boolean redelivered) {

    /**
     * The entry as a Herald event.
     *
     * @throws io.herald.eventstore.MalformedEntryException when it is not one
     */
    public EventEnvelope envelope() {
        return EventEnvelope.fromFields(fields);
    }
}
