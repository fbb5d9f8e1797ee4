package io.herald.notification.support;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A test's own synchronous view of the test Redis: reads streams and hashes the way another
 * service (or an operator with redis-cli) would.
 */
public final class HeraldRedis implements AutoCloseable {

    /** One queued notification as read back from a stream: its envelope and its parsed {@code data}. */
    public record Queued(String entryId, EventEnvelope envelope, JsonNode data) {

        public String text(String field) {
            JsonNode node = data.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final EventCodec codec = new EventCodec();

    public HeraldRedis(String url) {
        this.client = RedisClient.create(url);
        this.connection = client.connect();
    }

    public RedisCommands<String, String> sync() {
        return connection.sync();
    }

    /** Entries of {@code stream} that belong to {@code campaignId}, in stream order. */
    public List<Queued> queued(String stream, String campaignId) {
        return sync().xrange(stream, Range.unbounded()).stream()
                .map(this::toQueued)
                .filter(q -> campaignId.equals(q.text("campaignId")))
                .toList();
    }

    /**
     * Whether every entry of {@code stream} was read and acknowledged by {@code group} (lag and
     * pending both 0).
     */
    public boolean allAcknowledged(String stream, String group) {
        for (Object g : sync().xinfoGroups(stream)) {
            Map<String, Object> info = pairs((List<?>) g);
            if (group.equals(info.get("name"))) {
                return Long.valueOf(0).equals(info.get("pending")) && Long.valueOf(0).equals(info.get("lag"));
            }
        }
        return false;
    }

    private Queued toQueued(StreamMessage<String, String> message) {
        EventEnvelope envelope = EventEnvelope.fromFields(message.getBody());
        return new Queued(message.getId(), envelope, codec.mapper().readTree(envelope.data()));
    }

    private static Map<String, Object> pairs(List<?> flat) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return map;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
