package io.herald.user.seed;

import io.herald.eventstore.Channels;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.user.UserProperties;
import io.herald.user.categories.Categories;
import io.herald.user.users.User;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Fills the database up to {@code herald.users.seed-count} fake users, after start-up and in the
 * background. Each batch is written in one step ({@link SeedWriter}: one script on a single Redis,
 * pipelined single-slot commands on a cluster), and then the counter {@code users:seeded} advances by a
 * compare-and-set, so a restart seeds only what is missing. A crash between a batch's writes and
 * its counter step leaves that batch's users in place and seeds the batch again under new ids: at
 * most {@value #BATCHES_AHEAD} batches of extra fake users, never a corrupt one. Seeded users are
 * a fixture: they get no {@code user_user_created} events. Thread-safe.
 *
 * <p>Over 200 lines on purpose: generation, the batch writes and the resumable counter are one
 * restart-safe loop whose invariants (documented above) span all three.
 */
@Component
public class UserSeeder implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UserSeeder.class);
    private static final LuaScript ADVANCE = LuaScript.fromClasspath("io/herald/user/seed/advance-seeded.lua");
    private static final int BATCHES_AHEAD = 4;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final SeedWriter writer;
    private final Categories categories;
    private final UserProperties properties;
    private final Channels channels;
    // generation is CPU work: threads of its own (one per core), off the event loops
    private final Scheduler scheduler = Schedulers.newParallel("user-seeder",
            Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final Mono<FakeUsers> fakeUsers;
    private volatile SeedStatus status;
    private final AtomicLong firstBefore = new AtomicLong(-1);

    UserSeeder(RedisConnections connections, Categories categories, UserProperties properties,
               Channels channels) {
        this.redis = connections.commands();
        this.writer = new SeedWriter(connections);
        this.categories = categories;
        this.properties = properties;
        this.channels = channels;
        this.fakeUsers = Mono.fromCallable(() -> new FakeUsers(properties.seed(), properties.categories(),
                channels.names())).subscribeOn(scheduler).cache();
        this.status = new SeedStatus(properties.seedCount() > 0 ? "PENDING" : "DISABLED", 0, properties.seedCount(),
                null, null);
        if (properties.seedCount() > 0) {
            // parse datafaker's vocabulary (about a second) while the rest of the application starts
            fakeUsers.subscribe(fake -> { }, error -> log.warn("Loading the fake-user vocabulary failed: {}", error.toString()));
        }
    }

    public SeedStatus status() {
        return status;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnStart() {
        if (properties.seedCount() <= 0) {
            log.info("Seeding disabled (herald.users.seed-count is 0)");
            return;
        }
        long start = System.nanoTime();
        seed(properties.seedCount())
                .retryWhen(Retry.backoff(10, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(s -> log.warn("Seeding failed, resuming: {}", s.failure().toString())))
                .subscribe(run -> {
                    long millis = elapsedMillis(start);
                    status = new SeedStatus("DONE", run.seeded(), properties.seedCount(), millis, null);
                    if (run.seeded() > run.firstBefore()) {
                        log.info("Seeded {} users in {} ms", run.seeded() - run.firstBefore(), millis);
                    } else {
                        log.info("Seeded 0 users in {} ms ({} of {} were seeded already)", millis, run.seeded(),
                                properties.seedCount());
                    }
                },
                        error -> {
                            log.error("Seeding failed", error);
                            status = new SeedStatus("FAILED", status.seeded(), status.target(), null, error.toString());
                        });
    }

    /**
     * What one call of {@link #seed} did.
     *
     * @param firstBefore seeded users when this process first looked (a resumed call keeps it)
     * @param added users this call added
     * @param seeded seeded users now
     */
    public record SeedRun(long firstBefore, long added, long seeded) {
    }

    /**
     * Seeds until {@code target} fake users exist; logs {@code Seeding users: n/target} along the
     * way. Fails when Redis does; calling it again resumes where the counter stands.
     */
    public Mono<SeedRun> seed(long target) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return categories.ensure(properties.categories())
                    .then(redis.get(StreamKeys.USERS_SEEDED).map(Long::parseLong).defaultIfEmpty(0L))
                    .flatMap(before -> {
                        firstBefore.compareAndSet(-1, before);
                        if (before >= target) {
                            status = new SeedStatus("DONE", before, target, elapsedMillis(start), null);
                            return Mono.just(new SeedRun(firstBefore.get(), 0, before));
                        }
                        status = new SeedStatus("RUNNING", before, target, null, null);
                        log.info("Seeding users: {}/{}", before, target);
                        return fakeUsers
                                .doOnNext(fake -> log.debug("Fake-user vocabulary ready after {} ms", elapsedMillis(start)))
                                .flatMap(fake -> batches(fake, before, target))
                                .map(after -> {
                                    status = new SeedStatus("DONE", after, target, elapsedMillis(start), null);
                                    return new SeedRun(firstBefore.get(), after - before, after);
                                });
                    });
        });
    }

    private static long elapsedMillis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private Mono<Long> batches(FakeUsers fake, long from, long target) {
        int size = properties.seedBatchSize();
        long step = Math.max(size, (target + 4) / 5);
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return Flux.range(0, (int) ((target - from + size - 1) / size))
                .map(b -> from + (long) b * size)
                .flatMapSequential(first -> {
                    int count = (int) Math.min(size, target - first);
                    return redis.incrby(StreamKeys.USER_IDS, count).publishOn(scheduler)
                            .map(highest -> batch(fake, first, count, highest - count + 1, createdAt));
                }, BATCHES_AHEAD)
                // batches are written concurrently, the counter advanced in order: each step checks the
                // counter its predecessor left, so a refused batch makes every later one refuse too
                .flatMapSequential(this::write, BATCHES_AHEAD)
                .concatMap(batch -> ADVANCE.<Long>run(redis, ScriptOutputType.INTEGER,
                                new String[] {StreamKeys.USERS_SEEDED}, Long.toString(batch.first()),
                                Integer.toString(batch.users().size()))
                        .next()
                        .flatMap(seeded -> seeded < 0
                                ? Mono.error(new IllegalStateException("another seeder is running: users:seeded moved"))
                                : Mono.just(seeded)))
                .doOnNext(seeded -> {
                    status = new SeedStatus("RUNNING", seeded, target, null, null);
                    if (seeded % step < size || seeded == target) {
                        log.info("Seeding users: {}/{}", seeded, target);
                    }
                })
                .last(from);
    }

    /** Users number {@code first…}: their hashes by id, and the ids joining each category. */
    private record Batch(long first, Map<String, Map<String, String>> users, Map<String, List<String>> members) {
    }

    /** Users number {@code first … first+count-1}, ids from {@code firstId}. */
    private Batch batch(FakeUsers fake, long first, int count, long firstId, Instant createdAt) {
        Map<String, Map<String, String>> users = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            FakeUser user = fake.user(first + i);
            String id = Long.toString(firstId + i);
            users.put(id, new User(id, user.name(), user.email(), user.phone(), user.deviceToken(),
                    user.categories(), user.channels(), createdAt, null).toHash());
            user.categories().forEach(category -> members.computeIfAbsent(category, c -> new ArrayList<>()).add(id));
        }
        return new Batch(first, users, members);
    }

    /** Writes a batch's users and memberships (off the event loops: encoding a batch is CPU work). */
    private Mono<Batch> write(Batch batch) {
        return Mono.defer(() -> writer.write(batch.users(), batch.members())).subscribeOn(scheduler).thenReturn(batch);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
        writer.close();
    }
}
