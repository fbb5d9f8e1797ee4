package io.herald.eventstore;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A Lua script run with {@code EVALSHA}, falling back to {@code EVAL} (which caches it) when the
 * server does not know it yet, e.g. after a restart. Immutable and thread-safe.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha1;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** Loads {@code name} from the classpath (e.g. {@code io/herald/eventstore/complete.lua}). */
    public static LuaScript fromClasspath(String name) {
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no Lua script " + name + " on the classpath");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + name, e);
        }
    }

    public static LuaScript of(String name, String source) {
        return new LuaScript(name, source);
    }

    /**
     * Runs the script; the flux emits the reply as one element. With {@link ScriptOutputType#MULTI}
     * Lettuce emits the whole multi-bulk reply as one {@code List} (not element by element): use
     * {@link #runForList} to get it as a list.
     */
    public <T> Flux<T> run(RedisClusterReactiveCommands<String, String> redis, ScriptOutputType type,
                           String[] keys, String... args) {
        return redis.<T>evalsha(sha1, type, keys, args)
                .onErrorResume(RedisNoScriptException.class, e -> redis.<T>eval(source, type, keys, args));
    }

    /**
     * Runs a script that returns an array ({@code MULTI}); emits its elements as one list (empty
     * for an empty array). Elements are {@code Long} for Lua integers, {@code String} for strings,
     * nested {@code List}s for nested tables.
     */
    public Mono<List<Object>> runForList(RedisClusterReactiveCommands<String, String> redis, String[] keys, String... args) {
        return this.<Object>run(redis, ScriptOutputType.MULTI, keys, args)
                .collectList()
                .map(LuaScript::unwrap);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> unwrap(List<Object> emitted) {
        if (emitted.size() == 1 && emitted.get(0) instanceof List<?> whole) {
            return (List<Object>) whole;
        }
        return emitted;
    }

    public String name() {
        return name;
    }

    private static String sha1(String source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "LuaScript[" + name + "]";
    }

}
