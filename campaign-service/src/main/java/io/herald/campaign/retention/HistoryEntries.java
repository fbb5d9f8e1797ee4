package io.herald.campaign.retention;

import io.herald.eventstore.NotificationHistory;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a campaign's notifications out of the users' histories ({@link StreamKeys#userNotifications})
 * before its outcome records expire: each record says when it settled ({@code at}), which names the
 * day's index and the member channel-workers added with it ({@link NotificationHistory#member}). The
 * day indexes themselves expire a whole day later at the earliest; without this, a short retention
 * would leave a member per notification behind for up to a day. Thread-safe.
 */
final class HistoryEntries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ScanArgs PAGE = ScanArgs.Builder.limit(1000);

    private final RedisClusterReactiveCommands<String, String> redis;

    HistoryEntries(RedisClusterReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Removes the members of the campaign's records on {@code stream}; emits how many were removed. */
    Mono<Long> forget(String stream, String campaignId) {
        String records = StreamKeys.delivered(stream, campaignId);
        return redis.hscan(records, ScanCursor.INITIAL, PAGE)
                .expand(page -> page.isFinished() ? Mono.empty() : redis.hscan(records, page, PAGE))
                .concatMap(page -> Flux.fromIterable(page.getMap().entrySet())
                        .flatMap(record -> remove(stream, campaignId, record), 256))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> remove(String stream, String campaignId, Map.Entry<String, String> record) {
        String notificationId = record.getKey();
        JsonNode outcome = JSON.readTree(record.getValue());
        String at = outcome.path("at").asString(null);
        // <campaignId>:<userId>:<channel>
        int from = campaignId.length() + 1;
        int to = notificationId.lastIndexOf(':');
        if (at == null || !notificationId.startsWith(campaignId + ":") || to < from) {
            return Mono.just(0L);
        }
        Instant settled = Instant.parse(at);
        String member = NotificationHistory.member(notificationId.substring(from, to), settled, notificationId);
        return redis.zrem(StreamKeys.userNotifications(stream, NotificationHistory.day(settled)), member);
    }
}
