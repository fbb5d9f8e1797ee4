package io.herald.notification.queue;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.notification.render.RenderedMessage;
import java.util.List;
import tools.jackson.databind.ObjectWriter;

/**
 * Encodes {@code notification_message_queued} entries for the queueing Lua scripts, which write
 * each entry's five envelope fields themselves (one {@code XADD} per entry, inside the script).
 * Thread-safe.
 */
public final class QueuedMessages {

    /** One entry's own values: its envelope id and its {@code data}. */
    public record Entry(String envelopeId, String data) {
    }

    private final ObjectWriter writer;

    public QueuedMessages(EventCodec codec) {
        this.writer = codec.mapper().writerFor(NotificationQueued.class);
    }

    /**
     * The entry for {@code message} under {@code id}, of a campaign to {@code category} (null for a
     * transactional notification); its envelope id is
     * {@code deterministicId("notification:" + id)}, the same every time.
     */
    public Entry entry(NotificationId id, RenderedMessage message, String category) {
        String notificationId = id.toString();
        NotificationQueued payload = new NotificationQueued(notificationId, id.campaignId(), id.userId(), id.channel(),
                message.to(), message.subject(), message.body(), message.html(), 1, category);
        return new Entry(EventEnvelope.deterministicId("notification:" + notificationId), writer.writeValueAsString(payload));
    }

    /**
     * The script arguments shared by all entries of one call: event name, {@code occurredAt} and
     * schema version, in this order.
     */
    public static List<String> commonArguments(java.time.Instant occurredAt) {
        return List.of(EventNames.MESSAGE_QUEUED, occurredAt.toString(), EventEnvelope.CURRENT_VERSION);
    }
}
