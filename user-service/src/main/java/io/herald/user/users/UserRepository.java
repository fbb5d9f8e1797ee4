package io.herald.user.users;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.user.EnvelopeArgs;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users in Redis: hash {@code user:<id>} plus the member sets of its categories, written together
 * with the {@code users} stream event in one Lua step, so that the indexes never disagree with
 * the users and no change goes unannounced. Thread-safe.
 */
@Component
class UserRepository {

    /** Outcome of a conditional write: done, no such user, or the user changed meanwhile. */
    enum Write { DONE, MISSING, CHANGED }

    private static final LuaScript CREATE = LuaScript.fromClasspath("io/herald/user/users/create-user.lua");
    private static final LuaScript UPDATE = LuaScript.fromClasspath("io/herald/user/users/update-preferences.lua");
    private static final LuaScript DELETE = LuaScript.fromClasspath("io/herald/user/users/delete-user.lua");

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;

    UserRepository(RedisConnections connections, EventCodec codec) {
        this.redis = connections.commands();
        this.codec = codec;
    }

    /** Stores a new user under the next id and announces it; emits the stored user. */
    Mono<User> create(String name, String email, String phone, String deviceToken, List<String> categories,
                      List<String> channels) {
        return redis.incr(StreamKeys.USER_IDS).flatMap(next -> {
            User user = new User(Long.toString(next), name, email, phone, deviceToken, categories, channels, now(), null);
            List<String> keys = new ArrayList<>(List.of(StreamKeys.user(user.id()), StreamKeys.USERS));
            categories.forEach(c -> keys.add(StreamKeys.categoryMembers(c)));
            List<String> args = new ArrayList<>();
            args.add(user.id());
            Map<String, String> hash = user.toHash();
            args.add(Integer.toString(hash.size()));
            hash.forEach((field, value) -> {
                args.add(field);
                args.add(value);
            });
            args.addAll(EnvelopeArgs.of(codec.envelope(EventNames.USER_CREATED, user)));
            return run(CREATE, keys, args).flatMap(result -> result == 1 ? Mono.just(user)
                    : Mono.error(new IllegalStateException("user id " + user.id() + " is taken; is "
                            + StreamKeys.USER_IDS + " behind the stored users?")));
        });
    }

    /** The user, or empty when there is none with this id. */
    Mono<User> find(String id) {
        return redis.hgetall(StreamKeys.user(id)).collectMap(kv -> kv.getKey(), kv -> kv.getValue())
                .mapNotNull(hash -> User.fromHash(id, hash));
    }

    /** Replaces the preferences of {@code current} (as read) and announces the change. */
    Mono<Write> updatePreferences(User current, User updated) {
        List<String> leave = current.categories().stream().filter(c -> !updated.categories().contains(c)).toList();
        List<String> join = updated.categories().stream().filter(c -> !current.categories().contains(c)).toList();
        List<String> keys = new ArrayList<>(List.of(StreamKeys.user(current.id()), StreamKeys.USERS));
        leave.forEach(c -> keys.add(StreamKeys.categoryMembers(c)));
        join.forEach(c -> keys.add(StreamKeys.categoryMembers(c)));
        List<String> args = new ArrayList<>(List.of(User.join(current.categories()), current.id(),
                Integer.toString(leave.size()), User.join(updated.categories()), User.join(updated.channels()),
                updated.updatedAt().toString()));
        args.addAll(EnvelopeArgs.of(codec.envelope(EventNames.USER_UPDATED, updated)));
        return run(UPDATE, keys, args).map(UserRepository::write);
    }

    /** Deletes {@code current} (as read) and announces it. */
    Mono<Write> delete(User current) {
        List<String> keys = new ArrayList<>(List.of(StreamKeys.user(current.id()), StreamKeys.USERS));
        current.categories().forEach(c -> keys.add(StreamKeys.categoryMembers(c)));
        List<String> args = new ArrayList<>(List.of(User.join(current.categories()), current.id()));
        args.addAll(EnvelopeArgs.of(codec.envelope(EventNames.USER_DELETED, new UserDeleted(current.id(), now()))));
        return run(DELETE, keys, args).map(UserRepository::write);
    }

    /** Up to {@code limit} members of a category with ids above {@code after}, in id order. */
    Mono<UserPage> listCategory(String category, long after, int limit) {
        return redis.zrangebyscore(StreamKeys.categoryMembers(category), Range.from(Range.Boundary.excluding(after), Range.Boundary.unbounded()), Limit.create(0, limit))
                .collectList()
                .flatMap(ids -> load(ids).map(users -> new UserPage(users,
                        ids.size() < limit ? null : ids.get(ids.size() - 1))));
    }

    /**
     * Users with ids in {@code (after, after + limit]}: ids are dense, so no index of all users is
     * needed; deleted ids leave gaps. The cursor is null once past the highest id given out.
     */
    Mono<UserPage> listAll(long after, int limit) {
        return redis.get(StreamKeys.USER_IDS).defaultIfEmpty("0").map(Long::parseLong).flatMap(highest -> {
            long last = Math.min(highest, after + limit);
            List<String> ids = new ArrayList<>();
            for (long id = after + 1; id <= last; id++) {
                ids.add(Long.toString(id));
            }
            return load(ids).map(users -> new UserPage(users, last < highest ? Long.toString(last) : null));
        });
    }

    /** The users of {@code ids} that exist, in the given order; one pipelined HGETALL each. */
    private Mono<List<User>> load(List<String> ids) {
        return Flux.fromIterable(ids)
                .flatMapSequential(id -> find(id).map(List::of).defaultIfEmpty(List.of()), 256)
                .flatMapIterable(user -> user)
                .collectList();
    }

    private Mono<Long> run(LuaScript script, List<String> keys, List<String> args) {
        return script.<Long>run(redis, ScriptOutputType.INTEGER, keys.toArray(String[]::new),
                args.toArray(String[]::new)).next();
    }

    private static Write write(long result) {
        return result == 1 ? Write.DONE : result == 0 ? Write.MISSING : Write.CHANGED;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
