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

    /** The category of every notification {@link #notification} makes; each recipient subscribes to it. */
    public static final String CATEGORY = "Finance";
    /** Channels every recipient the helper registers wants (plus the channel it is queued on). */
    private static final String CHANNELS = "email,sms,push,webhook";

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
                "Subject " + index, "Hello user " + index, null, 1, CATEGORY);
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

    /**
     * Appends the notifications, after registering each recipient as a user ({@code user:<id>})
     * subscribed to {@link #CATEGORY} and wanting its channel, as user-service would have: the
     * workers skip a notification whose recipient is gone or has opted out.
     */
    public void queue(String stream, List<Notification> notifications) {
        register(notifications);
        appendOnly(stream, notifications);
    }

    /** Registers the recipients of {@code notifications} as {@link #queue} does, without queueing. */
    public void register(List<Notification> notifications) {
        Map<String, String> channelsOf = new java.util.LinkedHashMap<>();
        for (Notification n : notifications) {
            channelsOf.merge(n.userId(), CHANNELS.contains(n.channel()) ? CHANNELS : CHANNELS + "," + n.channel(),
                    (a, b) -> a.contains(n.channel()) ? a : a + "," + n.channel());
        }
        List<io.lettuce.core.RedisFuture<Long>> users = new ArrayList<>(channelsOf.size());
        channelsOf.forEach((userId, channels) -> users.add(connection.async().hset(StreamKeys.user(userId),
                Map.of("name", "User " + userId, "categories", CATEGORY, "channels", channels))));
        users.forEach(reply -> {
            try {
                reply.get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot register recipient", e);
            }
        });
    }

    /** Appends the notifications as they are, registering nobody. */
    public void appendOnly(String stream, List<Notification> notifications) {
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
