package io.herald.eventstore;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.reactive.RedisStreamReactiveCommands;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The consumer groups of a stream as {@code XINFO GROUPS} describes them, one field map per group
 * ({@code name}, {@code consumers}, {@code pending}, {@code last-delivered-id}, {@code entries-read},
 * {@code lag}; numbers as {@code Long}). Lettuce has no typed reply for it, hence this one reading
 * of the raw reply for every service. Thread-safe.
 */
public final class GroupInfo {

    private GroupInfo() {
    }

    /** Every group of {@code stream}; none when the stream does not exist (yet). */
    public static Flux<Map<String, Object>> of(RedisStreamReactiveCommands<String, String> redis, String stream) {
        return redis.xinfoGroups(stream)
                .map(GroupInfo::fields)
                // "ERR no such key": nothing has been appended to the stream yet
                .onErrorResume(RedisCommandExecutionException.class,
                        e -> e.getMessage() != null && e.getMessage().contains("no such key")
                                ? Flux.empty() : Flux.error(e));
    }

    /** The group named {@code group} of {@code stream}; empty when the stream or the group does not exist. */
    public static Mono<Map<String, Object>> of(RedisStreamReactiveCommands<String, String> redis, String stream,
                                               String group) {
        return of(redis, stream).filter(fields -> group.equals(fields.get("name"))).next();
    }

    private static Map<String, Object> fields(Object group) {
        List<?> flat = (List<?>) group;
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), flat.get(i + 1));
        }
        return fields;
    }
}
