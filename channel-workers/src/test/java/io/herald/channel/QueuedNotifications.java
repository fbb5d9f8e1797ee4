package io.herald.channel;

import io.herald.channel.delivery.Notification;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.EventStore;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Test helper standing in for notification-service: appends {@code notification_message_queued}
 * entries exactly as docs/design.md describes them, and reads what the workers recorded.
 */
public final class QueuedNotifications implements AutoCloseable {

    private final EventStore store;
    private final EventCodec codec = new EventCodec();
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    public QueuedNotifications(String redisUrl) {
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect();
        this.store = new EventStore(connection.reactive());
    }

    /** A notification of {@code campaignId} to user {@code u<index>} on {@code channel}. */
    public static Notification notification(String campaignId, String channel, int index, String to) {
        String userId = "u" + index;
        return new Notification(campaignId + ":" + userId + ":" + channel, campaignId, userId, channel, to,
                "Subject " + index, "Hello user " + index, null, 1);
    }

    /** The address of user {@code i} in the campaign (unique across campaigns). */
    public static String to(String campaignId, int index) {
        return campaignId + "-to-" + index;
    }

    /** {@code count} notifications to {@link #to} on {@code stream}, appended in pipelined batches. */
    public List<Notification> queue(String stream, String campaignId, String channel, int count) {
        List<Notification> all = IntStream.range(0, count)
                .mapToObj(i -> notification(campaignId, channel, i, to(campaignId, i))).toList();
        for (int from = 0; from < all.size(); from += 1000) {
            queue(stream, all.subList(from, Math.min(all.size(), from + 1000)));
        }
        return all;
    }

    public void queue(String stream, List<Notification> notifications) {
        List<EventEnvelope> events = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            events.add(codec.envelope(EventEnvelope.deterministicId("notification:" + n.notificationId()),
                    EventNames.MESSAGE_QUEUED, n));
        }
        store.appendAll(stream, events).block();
    }

    /** notificationId → outcome JSON of a campaign on a stream. */
    public Map<String, String> outcomes(String stream, String campaignId) {
        return redis().hgetall(StreamKeys.delivered(stream, campaignId));
    }

    public long counter(String stream, String campaignId, String field) {
        String value = redis().hget(StreamKeys.progress(stream, campaignId), field);
        return value == null ? 0 : Long.parseLong(value);
    }

    public RedisCommands<String, String> redis() {
        return connection.sync();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
