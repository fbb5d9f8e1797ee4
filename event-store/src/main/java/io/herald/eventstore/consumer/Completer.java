package io.herald.eventstore.consumer;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Settles entries in one Lua round trip per batch ({@code complete.lua}): record once, count
 * once, {@code XACK}, forget retry bookkeeping. Thread-safe.
 */
final class Completer {

    private static final LuaScript COMPLETE = LuaScript.fromClasspath("io/herald/eventstore/complete.lua");

    record Settled(String entryId, Completion completion) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private final String stream;
    private final String group;

    Completer(RedisClusterReactiveCommands<String, String> redis, String stream, String group) {
        this.redis = redis;
        this.stream = stream;
        this.group = group;
    }

    /** Emits how many outcomes were recorded for the first time. */
    Mono<Long> complete(List<Settled> settled) {
        if (settled.isEmpty()) {
            return Mono.just(0L);
        }
        Map<String, Integer> keyIndex = new LinkedHashMap<>();
        keyIndex.put(stream, 1);
        keyIndex.put(StreamKeys.attempts(stream, group), 2);
        keyIndex.put(StreamKeys.retries(stream, group), 3);
        List<String> args = new ArrayList<>(2 + settled.size() * 7);
        args.add(group);
        args.add(Integer.toString(settled.size()));
        for (Settled s : settled) {
            args.add(s.entryId());
            if (s.completion() instanceof Completion.Recorded r) {
                args.add(index(keyIndex, r.recordKey()));
                args.add(r.field());
                args.add(r.value());
                args.add(r.counterKey() == null ? "0" : index(keyIndex, r.counterKey()));
                args.add(r.counterField() == null ? "" : r.counterField());
                args.add(r.totalsKey() == null ? "0" : index(keyIndex, r.totalsKey()));
            } else {
                args.addAll(List.of("0", "", "", "0", "", "0"));
            }
        }
        String[] keys = keyIndex.keySet().toArray(String[]::new);
        return COMPLETE.<Long>run(redis, ScriptOutputType.INTEGER, keys, args.toArray(String[]::new)).next();
    }

    private static String index(Map<String, Integer> keyIndex, String key) {
        return Integer.toString(keyIndex.computeIfAbsent(key, k -> keyIndex.size() + 1));
    }
}
