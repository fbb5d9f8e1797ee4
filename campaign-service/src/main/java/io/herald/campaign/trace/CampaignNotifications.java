package io.herald.campaign.trace;

import io.herald.eventstore.Channels;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages through the outcome records of a campaign ({@code delivered:{<stream>}:<campaignId>}, one
 * hash per channel partition, written by channel-workers) with {@code HSCAN}: each page costs
 * Redis O(limit), whatever the campaign's size. The cursor names the partition and the
 * {@code HSCAN} cursor within it. Notifications not yet settled have no record and are not listed
 * (the campaign's progress counts them). Thread-safe.
 */
@Component
class CampaignNotifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Channels channels;

    CampaignNotifications(RedisConnections connections, Channels channels) {
        this.redis = connections.commands();
        this.channels = channels;
    }

    /** Where a page starts: the index of the stream among {@link #streams} and the HSCAN cursor in it. */
    record Position(int stream, String scan) {
        static final Position START = new Position(0, "0");
    }

    /** The bulk streams of {@code channelNames}, in order: the space a cursor walks. */
    List<String> streams(List<String> channelNames) {
        return channelNames.stream().flatMap(c -> channels.bulkStreams(c).stream()).toList();
    }

    /**
     * Up to about {@code limit} outcomes from {@code from} on, those with {@code status} only when
     * it is not null; one {@code HSCAN} per stream visited, moving to the next stream only when
     * one ends before the page is full.
     */
    Mono<NotificationPage> page(String campaignId, List<String> streams, Position from, String status, int limit) {
        return step(campaignId, streams, from, status, limit, new ArrayList<>());
    }

    private Mono<NotificationPage> step(String campaignId, List<String> streams, Position at, String status, int limit,
                                        List<NotificationOutcome> items) {
        if (at.stream() >= streams.size()) {
            return Mono.just(new NotificationPage(items, null));
        }
        String stream = streams.get(at.stream());
        ScanCursor cursor = ScanCursor.of(at.scan());
        return redis.hscan(StreamKeys.delivered(stream, campaignId), cursor, ScanArgs.Builder.limit(limit - items.size()))
                .flatMap(page -> {
                    for (Map.Entry<String, String> record : page.getMap().entrySet()) {
                        NotificationOutcome outcome = outcome(record.getKey(), record.getValue());
                        if (status == null || status.equals(outcome.status())) {
                            items.add(outcome);
                        }
                    }
                    Position next = page.isFinished() ? new Position(at.stream() + 1, "0")
                            : new Position(at.stream(), page.getCursor());
                    if (items.size() >= limit || !page.isFinished()) {
                        return Mono.just(new NotificationPage(items, next.stream() >= streams.size() ? null
                                : next.stream() + "-" + next.scan()));
                    }
                    return step(campaignId, streams, next, status, limit, items);
                });
    }

    private static NotificationOutcome outcome(String notificationId, String json) {
        // <campaignId>:<userId>:<channel>; campaign ids hold no colon
        String[] parts = notificationId.split(":");
        String userId = parts.length >= 3 ? parts[parts.length - 2] : null;
        String channel = parts.length >= 3 ? parts[parts.length - 1] : null;
        JsonNode record = JSON.readTree(json);
        return new NotificationOutcome(notificationId, userId, channel, record.path("status").asString(null),
                record.path("attempts").asInt(0), record.path("error").asString(null), record.path("at").asString(null));
    }
}
