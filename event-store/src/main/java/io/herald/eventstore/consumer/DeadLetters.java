package io.herald.eventstore.consumer;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Dead-letter streams: an entry that could not be handled is appended there with its original
 * fields plus {@code error}, {@code attempts}, {@code stream} (where it came from),
 * {@code entryId} (its id there) and {@code failedAt}. Replaying is the owner's business (a
 * channel's replay also un-counts the outcome: channel-workers' {@code DeadLetterReplay}). Thread-safe.
 */
public final class DeadLetters {

    public static final String ERROR = "error";
    public static final String ATTEMPTS = "attempts";
    public static final String SOURCE_STREAM = "stream";
    public static final String SOURCE_ENTRY_ID = "entryId";
    public static final String FAILED_AT = "failedAt";
    private static final List<String> ADDED = List.of(ERROR, ATTEMPTS, SOURCE_STREAM, SOURCE_ENTRY_ID, FAILED_AT);

    /** A dead letter as stored: its id in the dead-letter stream and all its fields. */
    public record DeadLetter(String id, Map<String, String> fields) {

        /** The original entry's fields, without what dead-lettering added. */
        public Map<String, String> original() {
            Map<String, String> original = new LinkedHashMap<>(fields);
            ADDED.forEach(original::remove);
            return original;
        }
    }

    private final RedisClusterReactiveCommands<String, String> redis;

    public DeadLetters(RedisClusterReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Appends an entry to {@code deadLetterStream} with why and after how many attempts it failed. */
    public Mono<String> add(String deadLetterStream, StreamEntry entry, Throwable error, long attempts) {
        Map<String, String> fields = new LinkedHashMap<>(entry.fields());
        fields.put(ERROR, describe(error));
        fields.put(ATTEMPTS, Long.toString(attempts));
        fields.put(SOURCE_STREAM, entry.stream());
        fields.put(SOURCE_ENTRY_ID, entry.id());
        fields.put(FAILED_AT, Instant.now().toString());
        return redis.xadd(deadLetterStream, fields);
    }

    /** The newest {@code limit} dead letters, newest first. */
    public Flux<DeadLetter> newest(String deadLetterStream, int limit) {
        return redis.xrevrange(deadLetterStream, Range.unbounded(), Limit.create(0, limit))
                .map(DeadLetters::toDeadLetter);
    }

    private static DeadLetter toDeadLetter(StreamMessage<String, String> message) {
        return new DeadLetter(message.getId(), message.getBody());
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
