package io.herald.user.seed;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Stores a seeding batch: its users' hashes and their category memberships. Thread-safe.
 *
 * <p>On a single Redis one script per batch ({@code write-batch.lua}) writes it all: a command per
 * user cost more CPU in Lettuce (a future and its completion per command) and in Redis (a dispatch
 * per command) than the writes themselves. The script names its keys in ARGV, which a single Redis
 * tolerates. On a cluster, where users and categories live in many slots, every command touches one
 * slot (one {@code HSET} per user, one {@code ZADD} per category), sent as one flushed pipeline on
 * a connection of the writer's own.
 */
final class SeedWriter {

    private static final LuaScript WRITE = LuaScript.fromClasspath("io/herald/user/seed/write-batch.lua");

    private final RedisConnections connections;
    private final RedisClusterReactiveCommands<String, String> redis;
    private final boolean cluster;
    private final Object lock = new Object();
    // the pipelining connection, opened on first use; guarded by lock
    private StatefulConnection<String, String> pipeline;

    SeedWriter(RedisConnections connections) {
        this.connections = connections;
        this.redis = connections.commands();
        this.cluster = connections.isCluster();
    }

    /**
     * Writes {@code users} (hash fields by user id) and {@code members} (new member ids by category);
     * completes when all are stored.
     */
    Mono<Void> write(Map<String, Map<String, String>> users, Map<String, List<String>> members) {
        return cluster ? pipelined(users, members) : inOneScript(users, members);
    }

    private Mono<Void> inOneScript(Map<String, Map<String, String>> users, Map<String, List<String>> members) {
        List<String> args = new ArrayList<>(1 + users.size() * 20);
        args.add(Integer.toString(users.size()));
        users.forEach((id, hash) -> {
            args.add(StreamKeys.user(id));
            args.add(Integer.toString(hash.size()));
            hash.forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
        });
        members.forEach((category, ids) -> {
            args.add(StreamKeys.categoryMembers(category));
            args.add(Integer.toString(ids.size()));
            ids.forEach(id -> {
                args.add(id);
                args.add(id);
            });
        });
        return WRITE.<Long>run(redis, ScriptOutputType.INTEGER, new String[0], args.toArray(String[]::new)).then();
    }

    private Mono<Void> pipelined(Map<String, Map<String, String>> users, Map<String, List<String>> members) {
        return Mono.fromCallable(() -> {
            List<RedisFuture<?>> replies = new ArrayList<>(users.size() + members.size());
            synchronized (lock) {
                RedisClusterAsyncCommands<String, String> async = RedisConnections.async(pipeline());
                users.forEach((id, hash) -> replies.add(async.hset(StreamKeys.user(id), hash)));
                members.forEach((category, ids) -> replies.add(async.zadd(StreamKeys.categoryMembers(category),
                        ids.stream().map(id -> ScoredValue.just(Long.parseLong(id), id)).toArray(ScoredValue[]::new))));
                pipeline().flushCommands();
            }
            return CompletableFuture.allOf(replies.stream().map(RedisFuture::toCompletableFuture)
                    .toArray(CompletableFuture[]::new));
        }).flatMap(Mono::fromFuture).then();
    }

    /** The writer's connection, with commands flushed explicitly; call holding {@code lock}. */
    private StatefulConnection<String, String> pipeline() {
        if (pipeline == null) {
            pipeline = connections.dedicated();
            pipeline.setAutoFlushCommands(false);
        }
        return pipeline;
    }

    /** Closes the pipelining connection, if one was opened. */
    void close() {
        synchronized (lock) {
            if (pipeline != null) {
                connections.release(pipeline);
                pipeline = null;
            }
        }
    }
}
