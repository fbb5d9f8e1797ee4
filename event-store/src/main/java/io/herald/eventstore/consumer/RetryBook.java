package io.herald.eventstore.consumer;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.Range;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;

/**
 * The retry schedule of one stream and group, kept in Redis so that it survives restarts: a hash
 * of failed attempts per entry and a sorted set of entries by the time their retry is due.
 * Thread-safe.
 */
final class RetryBook {

    private static final LuaScript FAIL = LuaScript.fromClasspath("io/herald/eventstore/fail.lua");
    private static final LuaScript TAKE_DUE = LuaScript.fromClasspath("io/herald/eventstore/take-due.lua");
    private static final LuaScript TAKE_CLAIMED = LuaScript.fromClasspath("io/herald/eventstore/take-claimed.lua");

    /** The outcome of a failed attempt: the attempts so far and when to retry (-1: give up). */
    record Failure(long attempts, long dueMillis) {
        boolean exhausted() {
            return dueMillis < 0;
        }
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private final ConsumerSettings settings;
    private final String[] keys;

    RetryBook(RedisClusterReactiveCommands<String, String> redis, ConsumerSettings settings) {
        this.redis = redis;
        this.settings = settings;
        this.keys = new String[] {StreamKeys.retries(settings.stream(), settings.group()),
                StreamKeys.attempts(settings.stream(), settings.group())};
    }

    /**
     * Counts a failed attempt and schedules the retry, unless the attempts are used up. An attempt
     * that does not {@code count} (it failed because Redis was full, not because of the entry) is
     * only scheduled again.
     */
    Mono<Failure> fail(String entryId, boolean counts) {
        String[] failKeys = {keys[1], keys[0]};
        String jitter = Double.toString(ThreadLocalRandom.current().nextDouble());
        return FAIL.runForList(redis, failKeys, entryId,
                        Integer.toString(settings.maxAttempts()), Long.toString(System.currentTimeMillis()),
                        Long.toString(settings.initialBackoff().toMillis()),
                        Long.toString(settings.maxBackoff().toMillis()), jitter, counts ? "1" : "0")
                .map(reply -> new Failure((Long) reply.get(0), (Long) reply.get(1)));
    }

    /**
     * Schedules another try of an entry after {@code initialBackoff} without counting a failed
     * attempt (its work could not be confirmed yet); emits when it is due, in epoch ms.
     */
    Mono<Long> later(String entryId) {
        long due = System.currentTimeMillis() + settings.initialBackoff().toMillis();
        return redis.zadd(keys[0], (double) due, entryId).thenReturn(due);
    }

    /** Takes up to {@code max} entries whose retry is due: entry id → failed attempts so far. */
    Mono<Map<String, Integer>> takeDue(int max) {
        return TAKE_DUE.runForList(redis, keys, Long.toString(System.currentTimeMillis()), Integer.toString(max))
                .map(RetryBook::pairs);
    }

    /**
     * Of claimed entry ids, those to handle now (not waiting for a later retry): id → failed
     * attempts so far.
     */
    Mono<Map<String, Integer>> takeClaimed(List<String> entryIds) {
        if (entryIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        List<String> args = new ArrayList<>(entryIds.size() + 1);
        args.add(Long.toString(System.currentTimeMillis()));
        args.addAll(entryIds);
        return TAKE_CLAIMED.runForList(redis, keys, args.toArray(String[]::new))
                .map(RetryBook::pairs);
    }

    /** When the earliest scheduled retry is due, in epoch ms; empty when none is scheduled. */
    Mono<Long> earliestDue() {
        return redis.zrangebyscoreWithScores(keys[0], Range.unbounded(), io.lettuce.core.Limit.create(0, 1))
                .next()
                .map(scored -> (long) scored.getScore());
    }

    private static Map<String, Integer> pairs(List<Object> flat) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            out.put(String.valueOf(flat.get(i)), Integer.parseInt(String.valueOf(flat.get(i + 1))));
        }
        return out;
    }
}
