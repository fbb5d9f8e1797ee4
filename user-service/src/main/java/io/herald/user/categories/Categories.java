package io.herald.user.categories;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The known categories: the set {@code categories}, which campaign-service reads to validate a
 * campaign. Categories are only ever added. Thread-safe.
 */
@Component
public class Categories {

    /** Letters, digits, space, {@code _ . -}; no commas (lists are stored comma-separated) or braces (hash tags). */
    public static final String NAME_REGEX = "[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}";

    private final RedisConnections redis;

    Categories(RedisConnections redis) {
        this.redis = redis;
    }

    /** All category names, sorted. */
    public Mono<List<String>> all() {
        return redis.commands().smembers(StreamKeys.CATEGORIES).sort().collectList();
    }

    /** Those of {@code names} that are not known categories, in the given order. */
    public Mono<List<String>> unknown(List<String> names) {
        if (names.isEmpty()) {
            return Mono.just(List.of());
        }
        return redis.commands().smismember(StreamKeys.CATEGORIES, names.toArray(String[]::new))
                .collectList()
                .map(known -> {
                    List<String> unknown = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        if (!known.get(i)) {
                            unknown.add(names.get(i));
                        }
                    }
                    return unknown;
                });
    }

    /** Adds a category; emits false when it existed already. */
    public Mono<Boolean> add(String name) {
        return redis.commands().sadd(StreamKeys.CATEGORIES, name).map(added -> added == 1);
    }

    /** Makes sure the given categories exist (idempotent). */
    public Mono<Void> ensure(List<String> names) {
        if (names.isEmpty()) {
            return Mono.empty();
        }
        return redis.commands().sadd(StreamKeys.CATEGORIES, names.toArray(String[]::new)).then();
    }
}
