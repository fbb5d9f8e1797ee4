package io.herald.user.history;

import io.herald.eventstore.Channels;
import io.herald.eventstore.NotificationHistory;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.KitProperties;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a user's notifications newest first from the per-day index
 * ({@link StreamKeys#userNotifications}): per day one {@code ZRANGEBYLEX … LIMIT} on each stream
 * the user's notifications go to (its bulk partition and the priority lane of each channel), then
 * one {@code HGET} of each listed outcome record, all pipelined. A page costs O(limit) per stream
 * and day visited; days are visited from the cursor's back to the retention period, only until
 * the page is full. Thread-safe.
 */
@Component
class UserNotificationHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where a page starts: a day, and the member suffix after which it goes on (null: the day's start). */
    record Cursor(LocalDate day, String after) {
    }

    private record Found(String stream, String suffix, NotificationHistory.Entry entry) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Channels channels;
    private final KitProperties kit;
    private final Clock clock;

    UserNotificationHistory(RedisConnections connections, Channels channels, KitProperties kit) {
        this.redis = connections.commands();
        this.channels = channels;
        this.kit = kit;
        this.clock = Clock.systemUTC();
    }

    /** The first day a page may start on. */
    LocalDate today() {
        return NotificationHistory.day(clock.instant());
    }

    /** The oldest day still within the retention period. */
    LocalDate oldest() {
        return NotificationHistory.day(clock.instant().minus(kit.historyKept()));
    }

    Mono<UserNotificationPage> page(String userId, Cursor from, int limit) {
        return collect(userId, from.day(), from.after(), limit, new ArrayList<>()).flatMap(found -> {
            String next = found.size() < limit ? null
                    : NotificationHistory.day(found.get(found.size() - 1).entry().settledAt()) + "~"
                    + found.get(found.size() - 1).suffix();
            return Flux.fromIterable(found).flatMapSequential(this::details).collectList()
                    .map(items -> new UserNotificationPage(items, next));
        });
    }

    private Mono<List<Found>> collect(String userId, LocalDate day, String after, int limit, List<Found> found) {
        if (day.isBefore(oldest()) || found.size() >= limit) {
            return Mono.just(found);
        }
        String prefix = NotificationHistory.prefix(userId);
        Range<String> range = Range.from(after == null ? Range.Boundary.including(prefix)
                : Range.Boundary.excluding(prefix + after), Range.Boundary.excluding(userId + ";"));
        int wanted = limit - found.size();
        List<String> streams = channels.names().stream()
                .flatMap(c -> java.util.stream.Stream.of(channels.bulkStream(c, userId), StreamKeys.priority(c))).toList();
        return Flux.fromIterable(streams)
                .flatMap(stream -> redis.zrangebylex(StreamKeys.userNotifications(stream, day), range,
                                Limit.create(0, wanted))
                        .mapNotNull(member -> {
                            NotificationHistory.Entry entry = NotificationHistory.parse(member);
                            return entry == null ? null : new Found(stream, member.substring(prefix.length()), entry);
                        }))
                .collectList()
                .flatMap(ofDay -> {
                    ofDay.sort(Comparator.comparing(Found::suffix));
                    found.addAll(ofDay.subList(0, Math.min(wanted, ofDay.size())));
                    return collect(userId, day.minusDays(1), null, limit, found);
                });
    }

    private Mono<UserNotification> details(Found found) {
        String notificationId = found.entry().notificationId();
        String suffix = ":" + found.entry().userId() + ":";
        int at = notificationId.lastIndexOf(suffix);
        String campaignId = at < 0 ? notificationId : notificationId.substring(0, at);
        String channel = at < 0 ? null : notificationId.substring(at + suffix.length());
        return redis.hget(StreamKeys.delivered(found.stream(), campaignId), notificationId)
                .map(json -> {
                    JsonNode record = JSON.readTree(json);
                    return new UserNotification(notificationId, campaignId, channel, record.path("status").asString(null),
                            record.path("attempts").asInt(0), record.path("error").asString(null),
                            record.path("at").asString(null));
                })
                .defaultIfEmpty(new UserNotification(notificationId, campaignId, channel, "EXPIRED", 0, null,
                        found.entry().settledAt().toString()));
    }
}
