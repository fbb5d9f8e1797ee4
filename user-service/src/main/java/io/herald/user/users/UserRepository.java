package io.herald.user.users;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
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
 * Users in Redis: hash {@code user:<id>} plus the member sets of its categories, changed through
 * {@link UserChanges} (event first, then its projection, each step in one Redis Cluster slot) so
 * that no change goes unannounced and the indexes follow every change. Thread-safe.
 */
@Component
class UserRepository {

    /** Outcome of a conditional write: done, or the user changed meanwhile. */
    enum Write { DONE, CHANGED }

    /** A user as stored, with the version a conditional write must name. */
    record Stored(User user, String version) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private final UserChanges changes;
    private final EventCodec codec;

    UserRepository(RedisConnections connections, UserChanges changes, EventCodec codec) {
        this.redis = connections.commands();
        this.changes = changes;
        this.codec = codec;
    }

    /** Stores a new user under the next id and announces it; emits the stored user. */
    Mono<User> create(String name, String email, String phone, String deviceToken, List<String> categories,
                      List<String> channels) {
        return redis.incr(StreamKeys.USER_IDS).flatMap(next -> {
            User user = new User(Long.toString(next), name, email, phone, deviceToken, categories, channels, now(), null);
            return changes.append(user.id(), UserChanges.NEW, codec.envelope(EventNames.USER_CREATED, user))
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("user id " + user.id()
                            + " is taken; is " + StreamKeys.USER_IDS + " behind the stored users?")))
                    .flatMap(version -> project(user.id(), version, user.toHash()))
                    .thenReturn(user);
        });
    }

    /** The user, or empty when there is none with this id. */
    Mono<User> find(String id) {
        return findStored(id).map(Stored::user);
    }

    /** The user with its version, or empty when there is none with this id. */
    Mono<Stored> findStored(String id) {
        return redis.hgetall(StreamKeys.user(id)).collectMap(kv -> kv.getKey(), kv -> kv.getValue())
                .mapNotNull(hash -> {
                    User user = User.fromHash(id, hash);
                    return user == null ? null : new Stored(user, hash.getOrDefault(UserChanges.VERSION, ""));
                });
    }

    /** Replaces the preferences of {@code current} (as read) with those of {@code updated} and announces it. */
    Mono<Write> updatePreferences(Stored current, User updated) {
        return changes.append(updated.id(), current.version(), codec.envelope(EventNames.USER_UPDATED, updated))
                .flatMap(version -> project(updated.id(), version, updated.toHash()).thenReturn(Write.DONE))
                .defaultIfEmpty(Write.CHANGED);
    }

    /** Deletes {@code current} (as read) and announces it. */
    Mono<Write> delete(Stored current) {
        String id = current.user().id();
        return changes.append(id, current.version(),
                        codec.envelope(EventNames.USER_DELETED, new UserDeleted(id, now())))
                .flatMap(version -> project(id, version, null).thenReturn(Write.DONE))
                .defaultIfEmpty(Write.CHANGED);
    }

    /** The in-line projection of an appended change, so the caller reads its own write. */
    private Mono<Void> project(String id, String version, Map<String, String> hash) {
        return changes.apply(id, version, hash).then(changes.converge(id));
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

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
