package io.herald.channel.status;

import io.herald.channel.delivery.Notification;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.consumer.DeadLetters;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds dead letters in a dead-letter stream: one by id, or those of one campaign, walking the
 * stream page by page (newest or oldest first) and stopping after {@link #MAX_SCAN} entries, so a
 * huge dead-letter stream costs a bounded amount per request. Thread-safe.
 */
@Component
class DeadLetterSearch {

    /** Most dead letters one search reads. */
    static final int MAX_SCAN = 100_000;
    private static final int PAGE = 500;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;

    DeadLetterSearch(RedisConnections connections, EventCodec codec) {
        this.redis = connections.commands();
        this.codec = codec;
    }

    /** The dead letter with this id; empty when there is none. */
    Mono<DeadLetters.DeadLetter> byId(String deadLetterStream, String id) {
        return redis.xrange(deadLetterStream, Range.create(id, id)).next().map(DeadLetterSearch::letter);
    }

    /** Up to {@code limit} dead letters of {@code campaignId}, newest first. */
    Flux<DeadLetters.DeadLetter> newestOf(String deadLetterStream, String campaignId, int limit) {
        return pages(deadLetterStream, false).filter(letter -> campaignId.equals(campaignOf(letter.original())))
                .take(limit);
    }

    /** Up to {@code limit} dead letters of {@code campaignId}, oldest first. */
    Flux<DeadLetters.DeadLetter> oldestOf(String deadLetterStream, String campaignId, int limit) {
        return pages(deadLetterStream, true).filter(letter -> campaignId.equals(campaignOf(letter.original())))
                .take(limit);
    }

    /** The campaign of a dead letter's original entry; null when it is no notification. */
    String campaignOf(Map<String, String> original) {
        try {
            return codec.decode(EventEnvelope.fromFields(original), Notification.class).campaignId();
        } catch (MalformedEntryException e) {
            return null;
        }
    }

    private Flux<DeadLetters.DeadLetter> pages(String stream, boolean oldestFirst) {
        return page(stream, oldestFirst, null)
                .expand(page -> page.size() < PAGE ? Mono.empty()
                        : page(stream, oldestFirst, page.get(page.size() - 1).getId()))
                .take((MAX_SCAN + PAGE - 1) / PAGE)
                .flatMapIterable(page -> page)
                .map(DeadLetterSearch::letter);
    }

    /** One page after (oldest first) or before (newest first) {@code from}, exclusive; null: from the end. */
    private Mono<List<StreamMessage<String, String>>> page(String stream, boolean oldestFirst, String from) {
        Limit limit = Limit.create(0, PAGE);
        if (oldestFirst) {
            Range<String> range = from == null ? Range.unbounded()
                    : Range.from(Range.Boundary.excluding(from), Range.Boundary.unbounded());
            return redis.xrange(stream, range, limit).collectList();
        }
        Range<String> range = from == null ? Range.unbounded()
                : Range.from(Range.Boundary.unbounded(), Range.Boundary.excluding(from));
        return redis.xrevrange(stream, range, limit).collectList();
    }

    private static DeadLetters.DeadLetter letter(StreamMessage<String, String> message) {
        return new DeadLetters.DeadLetter(message.getId(), message.getBody());
    }
}
