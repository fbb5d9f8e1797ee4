package io.herald.channel.status;

import io.herald.eventstore.Channels;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The notifications of one campaign on one channel that were settled without being delivered
 * (failed, dead-lettered, cancelled), with their last error: read from the campaign's outcome
 * hashes ({@code delivered:{<stream>}:<campaignId>}) with {@code HSCAN} — one key at a time, so
 * cluster-safe — stopping after {@link #MAX_SCAN} outcomes. Thread-safe.
 */
@Component
class Undelivered {

    /** One outcome that is not DELIVERED. */
    record UndeliveredView(String notificationId, String stream, String status, int attempts, String at, String error) {
    }

    static final int MAX_SCAN = 200_000;
    private static final int PAGE = 1000;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Channels channels;
    private final EventCodec codec;

    Undelivered(RedisConnections connections, Channels channels, EventCodec codec) {
        this.redis = connections.commands();
        this.channels = channels;
        this.codec = codec;
    }

    /** Up to {@code limit} undelivered notifications of {@code campaignId} on {@code channel}. */
    Flux<UndeliveredView> of(String channel, String campaignId, int limit) {
        return Flux.fromIterable(channels.streams(channel))
                .concatMap(stream -> scan(StreamKeys.delivered(stream, campaignId))
                        .filter(entry -> !entry.getValue().contains("\"status\":\"DELIVERED\""))
                        .map(entry -> view(stream, entry.getKey(), entry.getValue())))
                .take(limit);
    }

    private Flux<java.util.Map.Entry<String, String>> scan(String key) {
        ScanArgs args = ScanArgs.Builder.limit(PAGE);
        return redis.hscan(key, ScanCursor.INITIAL, args)
                .expand(cursor -> cursor.isFinished() ? Mono.empty() : redis.hscan(key, cursor, args))
                .take((MAX_SCAN + PAGE - 1) / PAGE)
                .flatMapIterable(cursor -> cursor.getMap().entrySet());
    }

    private UndeliveredView view(String stream, String notificationId, String json) {
        JsonNode outcome = codec.decode(json, JsonNode.class);
        return new UndeliveredView(notificationId, stream, text(outcome.path("status")),
                outcome.path("attempts").asInt(0), text(outcome.path("at")), text(outcome.path("error")));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
