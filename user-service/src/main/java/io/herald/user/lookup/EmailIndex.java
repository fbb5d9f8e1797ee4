package io.herald.user.lookup;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.herald.user.users.User;
import io.lettuce.core.KeyValue;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The e-mail index, built after the fact: user ids are dense and increasing ({@code users:next-id}),
 * and an address never changes after creation, so every second this walks the ids created since
 * the last walk ({@link EmailIndexKeys#INDEXED_UP_TO}), reads their addresses and records
 * {@code user-email:<address>} → id (see {@link #catchUp()} for ids whose user is written late or
 * never). Seeded and API-created users are covered alike without
 * touching either write path (their scripts stay as they are); a user is findable by address
 * within about a second of its creation. A lookup checks the user's stored address, so an entry
 * left behind by a deleted user answers "not found". Several instances may walk at once: the
 * writes are idempotent. Thread-safe.
 */
@Component
public class EmailIndex implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmailIndex.class);
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final int CHUNK = 1000;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private static final LuaScript READ_EMAILS = LuaScript.fromClasspath("io/herald/user/lookup/read-emails.lua");

    private final RedisClusterReactiveCommands<String, String> redis;
    private final boolean cluster;
    private final MissingIds missing = new MissingIds(GRACE, System::nanoTime);
    // the highest id this instance walked; walks run one at a time (concatMap)
    private volatile long walkedUpTo;
    private volatile long doneSeen;
    private volatile Disposable walking;

    EmailIndex(RedisConnections connections) {
        this.redis = connections.commands();
        this.cluster = connections.isCluster();
    }

    /** The user with this address, or empty when there is none. */
    public Mono<User> find(String email) {
        return redis.get(EmailIndexKeys.byEmail(email))
                .flatMap(id -> redis.hgetall(StreamKeys.user(id)).collectMap(KeyValue::getKey, KeyValue::getValue)
                        .mapNotNull(hash -> User.fromHash(id, hash)))
                .filter(user -> user.email() != null && user.email().equalsIgnoreCase(email.strip()));
    }

    /**
     * Indexes every user created since the last walk; emits the id the walk may start after next
     * time. An id without a user is either not written yet (its id is reserved by {@code INCR}
     * before its hash is written, by the API and by the seeder alike) or gone for good (deleted,
     * or lost by an interrupted seed): the stored cursor does not move past it until it has been
     * missing for {@link #GRACE}, so a user written a moment late is still indexed. Meanwhile this
     * instance looks again only at the missing ids and at ids newer than it walked
     * ({@code walkedUpTo}), not at every user above the gap: after a restart (or on another
     * instance) the walk starts again at the stored cursor.
     */
    Mono<Long> catchUp() {
        return Mono.zip(number(StreamKeys.USER_IDS), number(EmailIndexKeys.INDEXED_UP_TO))
                .flatMap(t -> {
                    long highest = t.getT1();
                    long done = t.getT2();
                    if (highest < walkedUpTo || done < doneSeen) {
                        walkedUpTo = 0; // the counters went back: Redis was emptied, walk from the stored cursor
                    }
                    doneSeen = done;
                    long walked = Math.max(done, walkedUpTo);
                    List<Long> again = missing.between(done, walked);
                    if (highest <= walked && again.isEmpty()) {
                        return Mono.just(done);
                    }
                    Flux<Long> ids = Flux.concat(Flux.fromIterable(again), Flux.range(0, (int) Math.max(0, highest - walked))
                            .map(i -> walked + 1 + i));
                    return ids.buffer(CHUNK)
                            .concatMap(this::index)
                            .collectList()
                            .flatMap(found -> {
                                walkedUpTo = highest;
                                long next = missing.cursor(done, highest, found.stream().flatMap(List::stream).toList());
                                return next == done ? Mono.just(done)
                                        : redis.set(EmailIndexKeys.INDEXED_UP_TO, Long.toString(next)).thenReturn(next);
                            });
                });
    }

    /**
     * Indexes the users among {@code ids} that exist; emits the ids that have no user (or no
     * address). On a single Redis the addresses come from one script call and go back in one
     * {@code MSET}: a walk over a million seeded users otherwise costs two commands per user, on
     * both sides. On a cluster each user is read and indexed with commands of its own slot.
     */
    private Mono<List<Long>> index(List<Long> ids) {
        return cluster ? indexEach(ids) : indexAtOnce(ids);
    }

    private Mono<List<Long>> indexAtOnce(List<Long> ids) {
        String[] args = new String[ids.size() + 2];
        args[0] = StreamKeys.user("");
        args[1] = UserHash.EMAIL;
        for (int i = 0; i < ids.size(); i++) {
            args[i + 2] = Long.toString(ids.get(i));
        }
        return READ_EMAILS.runForList(redis, new String[0], args)
                .flatMap(emails -> {
                    Map<String, String> entries = new HashMap<>();
                    List<Long> missing = new ArrayList<>();
                    for (int i = 0; i < emails.size(); i++) {
                        if (emails.get(i) instanceof String email) {
                            entries.put(EmailIndexKeys.byEmail(email), Long.toString(ids.get(i)));
                        } else {
                            missing.add(ids.get(i));
                        }
                    }
                    return entries.isEmpty() ? Mono.just(missing) : redis.mset(entries).thenReturn(missing);
                });
    }

    private Mono<List<Long>> indexEach(List<Long> ids) {
        return Flux.fromIterable(ids)
                .flatMapSequential(id -> redis.hget(StreamKeys.user(Long.toString(id)), UserHash.EMAIL)
                        .flatMap(email -> redis.set(EmailIndexKeys.byEmail(email), Long.toString(id)).thenReturn(0L))
                        .defaultIfEmpty(id), 256)
                .filter(id -> id != 0L)
                .collectList();
    }

    private Mono<Long> number(String key) {
        return redis.get(key).map(Long::parseLong).defaultIfEmpty(0L);
    }

    @Override
    public void start() {
        walking = Flux.interval(Duration.ZERO, TICK)
                .onBackpressureDrop()
                .concatMap(n -> catchUp().onErrorResume(e -> {
                    log.warn("e-mail index walk failed, next try in {}: {}", TICK, e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = walking;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return walking != null && !walking.isDisposed();
    }
}
