package io.herald.campaign;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what user-service, notification-service and channel-workers would write, with the keys of
 * {@link StreamKeys}, so that campaign-service is tested without them.
 */
public final class OtherServices implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final EventCodec codec = new EventCodec();

    public OtherServices(String redisUrl) {
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect();
    }

    public RedisCommands<String, String> redis() {
        return connection.sync();
    }

    public void categories(String... names) {
        redis().sadd(StreamKeys.CATEGORIES, names);
    }

    /** user-service's consumer group reads everything appended to {@code campaigns} so far. */
    public void userServiceReadsCampaigns() {
        try {
            redis().xgroupCreate(XReadArgs.StreamOffset.from(StreamKeys.CAMPAIGNS, "0"), "user-service",
                    XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // exists already
        }
        redis().xreadgroup(Consumer.from("user-service", "test"), XReadArgs.Builder.count(10_000),
                XReadArgs.StreamOffset.lastConsumed(StreamKeys.CAMPAIGNS));
    }

    /** user-service appends one audience batch of {@code recipients} users to {@code audiences}. */
    public String audienceBatch(String campaignId, int batch, boolean lastBatch, int recipients) {
        List<Map<String, Object>> people = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            String userId = "user-" + batch + "-" + i;
            people.add(Map.of("userId", userId, "name", "User " + i, "email", userId + "@example.com",
                    "channels", List.of("email")));
        }
        Map<String, Object> data = Map.of("campaignId", campaignId, "channels", List.of(), "recipients", people,
                "batch", batch, "lastBatch", lastBatch, "subject", "s", "message", "m", "campaignName", "n");
        EventEnvelope event = codec.envelope(EventEnvelope.deterministicId("audience:" + campaignId + ":" + batch),
                EventNames.AUDIENCE_RESOLVED, data);
        return redis().xadd(StreamKeys.AUDIENCES, event.toFields());
    }

    /** notification-service has rendered {@code batches} batches, the last one numbered {@code lastBatch}. */
    public void rendered(String campaignId, int batches, int lastBatch) {
        redis().hset(StreamKeys.rendered(campaignId), Map.of("batches", Integer.toString(batches),
                "lastBatch", Integer.toString(lastBatch)));
    }

    /** Counters of one channel partition stream ({@code notify:<channel>} when P = 1), set in one HSET. */
    public void progress(String stream, String campaignId, Map<String, Long> counters) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        counters.forEach((field, value) -> values.put(field, Long.toString(value)));
        redis().hset(StreamKeys.progress(stream, campaignId), values);
    }

    /** The entries of {@code campaigns} with this event name about this campaign. */
    public List<StreamMessage<String, String>> campaignEvents(String event, String campaignId) {
        return redis().xrange(StreamKeys.CAMPAIGNS, io.lettuce.core.Range.create("-", "+")).stream()
                .filter(m -> event.equals(m.getBody().get(EventEnvelope.EVENT)))
                .filter(m -> m.getBody().get(EventEnvelope.DATA).contains("\"" + campaignId + "\""))
                .toList();
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
