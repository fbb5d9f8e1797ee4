package io.herald.campaign.store;

import io.herald.campaign.CampaignKeys;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamEntryId;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A campaign's events in order, read through its event index: one {@code HGETALL} and one
 * pipelined {@code XRANGE} per event, never a scan of a whole stream. Thread-safe.
 */
@Component
class CampaignHistory {

    /** An indexed event with its envelope. */
    record IndexedEvent(String stream, String entryId, EventEnvelope envelope) {
    }

    private record Location(long occurredAtMillis, String stream, String entryId) {

        static Location parse(String value) {
            String[] parts = value.split(" ", 3);
            return new Location(Long.parseLong(parts[0]), parts[1], parts[2]);
        }

        StreamEntryId entry() {
            return StreamEntryId.parse(entryId);
        }
    }

    private static final Comparator<Location> ORDER = Comparator.comparingLong(Location::occurredAtMillis)
            .thenComparing(Location::entry)
            .thenComparing(Location::stream);

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;

    CampaignHistory(RedisConnections connections, EventCodec codec) {
        this.redis = connections.commands();
        this.codec = codec;
    }

    /** The campaign's events as the API shows them, in the order they occurred. */
    Flux<HistoryEvent> events(String campaignId) {
        return entries(campaignId).map(this::toHistory);
    }

    /** The indexed events of a campaign, in order; entries trimmed from their stream are skipped. */
    Flux<IndexedEvent> entries(String campaignId) {
        return redis.hgetall(CampaignKeys.campaignEvents(campaignId))
                .collectList()
                .flatMapMany(index -> Flux.fromIterable(index.stream()
                        .map(kv -> Location.parse(kv.getValue()))
                        .sorted(ORDER)
                        .toList()))
                .flatMapSequential(location -> redis.xrange(location.stream(),
                                Range.create(location.entryId(), location.entryId()))
                        .next()
                        .map(message -> new IndexedEvent(location.stream(), message.getId(),
                                EventEnvelope.fromFields(message.getBody()))), 64);
    }

    private HistoryEvent toHistory(IndexedEvent indexed) {
        EventEnvelope envelope = indexed.envelope();
        JsonNode data;
        try {
            data = codec.mapper().readTree(envelope.data());
        } catch (RuntimeException e) {
            throw new MalformedEntryException("data of " + indexed.entryId() + " is not JSON", e);
        }
        if (EventNames.AUDIENCE_RESOLVED.equals(envelope.event()) && data instanceof ObjectNode object
                && object.get("recipients") != null && object.get("recipients").isArray()) {
            // a batch holds up to 1000 recipients: the history shows how many, not who
            object.put("recipients", object.get("recipients").size());
        }
        return new HistoryEvent(envelope.event(), envelope.id(), envelope.occurredAt(), indexed.stream(),
                indexed.entryId(), data);
    }
}
