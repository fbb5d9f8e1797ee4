package io.herald.user.users;

import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The write path of users, in steps that each touch one Redis Cluster slot (docs/user-service.md):
 *
 * <ol>
 *   <li>{@link #append}: the change is accepted (optimistic check of the user's version) and its
 *       event appended to {@code users}, in one step in the slot {@code {users}} — from here on
 *       the change is durable and announced;</li>
 *   <li>{@link #apply}: the event is projected onto the hash {@code user:<id>} (its slot), only if
 *       newer than the version the hash holds;</li>
 *   <li>{@link #converge}: the user's membership in every category's member set is made to match
 *       its hash (one single-key command per category).</li>
 * </ol>
 *
 * Steps 2 and 3 are idempotent and order-tolerant. The API runs them in-line before answering
 * (read-your-writes); the {@code users} consumer ({@link UserProjection}) runs them again for
 * every event, which repairs a crash between the steps. Thread-safe.
 */
@Component
class UserChanges {

    /** Hash field of {@code user:<id>} holding the stream id of the last event applied to it. */
    static final String VERSION = "version";
    /** Expected version of a user that must not exist yet. */
    static final String NEW = "!new";

    private static final LuaScript APPEND = LuaScript.fromClasspath("io/herald/user/users/append-change.lua");
    private static final LuaScript APPLY = LuaScript.fromClasspath("io/herald/user/users/apply-change.lua");
    private static final int CONVERGE_ROUNDS = 5;

    private final RedisClusterReactiveCommands<String, String> redis;

    UserChanges(RedisConnections connections) {
        this.redis = connections.commands();
    }

    /**
     * Appends {@code event} for user {@code userId} if the user is still at {@code expectedVersion}
     * ({@code ""} for a never-changed user, {@link #NEW} for a new one); emits the event's stream
     * id, or empty when the user changed meanwhile (nothing written).
     */
    Mono<String> append(String userId, String expectedVersion, EventEnvelope event) {
        List<String> args = new ArrayList<>(12);
        args.add(userId);
        args.add(expectedVersion);
        args.addAll(event.toArgs());
        return APPEND.<String>run(redis, ScriptOutputType.VALUE,
                        new String[] {StreamKeys.USERS, UserKeys.versions()}, args.toArray(String[]::new))
                .next()
                .filter(id -> !id.isEmpty());
    }

    /** Projects event {@code version} onto the user's hash: {@code hash} replaces it, null deletes it. */
    Mono<Void> apply(String userId, String version, Map<String, String> hash) {
        List<String> args = new ArrayList<>(2 + (hash == null ? 0 : 2 * hash.size()));
        args.add(version);
        args.add(hash == null ? "delete" : "put");
        if (hash != null) {
            hash.forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
        }
        return APPLY.<Long>run(redis, ScriptOutputType.INTEGER,
                        new String[] {StreamKeys.user(userId), UserKeys.tombstone(userId)}, args.toArray(String[]::new))
                .then();
    }

    /**
     * Makes the user's membership of every known category match its hash (member of exactly its
     * categories; of none once deleted). Reads the hash again afterwards and repeats if it changed
     * meanwhile, so a late run with an old view cannot have the last word.
     */
    Mono<Void> converge(String userId) {
        return redis.smembers(StreamKeys.CATEGORIES).collectList().flatMap(all -> converge(userId, all, 1));
    }

    private Mono<Void> converge(String userId, List<String> all, int round) {
        return state(userId).flatMap(before -> {
            List<String> wanted = UserHash.list(before.categories());
            double score = Long.parseLong(userId);
            return Flux.fromIterable(all)
                    .flatMap(category -> wanted.contains(category)
                            ? redis.zadd(StreamKeys.categoryMembers(category), score, userId)
                            : redis.zrem(StreamKeys.categoryMembers(category), userId))
                    .then(state(userId))
                    .flatMap(after -> after.equals(before) || round >= CONVERGE_ROUNDS ? Mono.<Void>empty()
                            : converge(userId, all, round + 1));
        });
    }

    /** What {@link #converge} depends on: a deleted user has no categories; the version tells any change. */
    private record State(String categories, String version) {
    }

    private Mono<State> state(String userId) {
        return redis.hmget(StreamKeys.user(userId), UserHash.NAME, UserHash.CATEGORIES, VERSION).collectList()
                .map(values -> values.get(0).hasValue()
                        ? new State(values.get(1).getValueOrElse(""), values.get(2).getValueOrElse(""))
                        : new State("", "gone"));
    }
}
