package io.herald.notification.bulk;

import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.Channels;
import io.herald.notification.queue.NotificationId;
import io.herald.notification.queue.QueuedMessages;
import io.herald.notification.render.MessageRenderer;
import io.herald.notification.render.Recipient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an audience batch into the entries of each channel stream. CPU only, no I/O. Thread-safe.
 */
final class BatchRenderer {

    /**
     * What a batch puts on each stream; every stream of every channel the campaign uses is there,
     * with an empty list when no recipient gets a notification on it, so that the batch counts as
     * rendered on that stream too.
     *
     * @param skipped per channel, recipients who chose it but have no address on it
     */
    record Plan(Map<String, List<QueuedMessages.Entry>> entriesByStream, Map<String, Integer> skipped) {

        int entryCount() {
            return entriesByStream.values().stream().mapToInt(List::size).sum();
        }
    }

    private final Channels channels;
    private final QueuedMessages messages;

    BatchRenderer(Channels channels, QueuedMessages messages) {
        this.channels = channels;
        this.messages = messages;
    }

    /** The campaign's channels this deployment delivers on: its own list, or all when it has none. */
    List<String> channelsOf(AudienceResolved batch) {
        if (batch.channels().isEmpty()) {
            return channels.names();
        }
        return channels.names().stream().filter(batch.channels()::contains).toList();
    }

    Plan render(AudienceResolved batch) {
        List<String> campaignChannels = channelsOf(batch);
        int partitions = channels.partitions();
        int expected = Math.max(16, batch.recipients().size() / partitions);
        // per campaign channel, the entries of each partition (index = partition number)
        List<List<List<QueuedMessages.Entry>>> byChannel = new ArrayList<>(campaignChannels.size());
        for (int c = 0; c < campaignChannels.size(); c++) {
            List<List<QueuedMessages.Entry>> byPartition = new ArrayList<>(partitions);
            for (int p = 0; p < partitions; p++) {
                byPartition.add(new ArrayList<>(expected));
            }
            byChannel.add(byPartition);
        }
        Map<String, Integer> skipped = new LinkedHashMap<>();
        MessageRenderer renderer = new MessageRenderer(batch.subject(), batch.message(), batch.campaignId(),
                batch.campaignName());
        for (Recipient recipient : batch.recipients()) {
            MessageRenderer.Texts texts = null;
            for (int c = 0; c < campaignChannels.size(); c++) {
                String channel = campaignChannels.get(c);
                if (!recipient.channels().contains(channel)) {
                    continue;
                }
                if (!recipient.reachableOn(channel)) {
                    skipped.merge(channel, 1, Integer::sum);
                    continue;
                }
                if (texts == null) {
                    texts = renderer.texts(recipient);
                }
                NotificationId id = new NotificationId(batch.campaignId(), recipient.userId(), channel);
                byChannel.get(c).get(StreamKeys.partitionOf(recipient.userId(), partitions))
                        .add(messages.entry(id, texts.on(channel)));
            }
        }
        Map<String, List<QueuedMessages.Entry>> byStream = new LinkedHashMap<>();
        for (int c = 0; c < campaignChannels.size(); c++) {
            List<String> streams = channels.bulkStreams(campaignChannels.get(c));
            for (int p = 0; p < partitions; p++) {
                byStream.put(streams.get(p), byChannel.get(c).get(p));
            }
        }
        return new Plan(byStream, skipped);
    }
}
