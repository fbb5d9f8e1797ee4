package io.herald.eventstore.consumer;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamEntryId;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.retention.StorageFull;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * One consumer of a consumer group on one stream: Herald's at-least-once delivery.
 *
 * <ul>
 *   <li>Creates the group ({@code MKSTREAM}, from the start of the stream) if it is missing, also
 *       after Redis lost it.</li>
 *   <li>Takes back its own pending entries at start, then reads new entries in batches with a
 *       blocking {@code XREADGROUP}: an idle consumer sends one command per {@code block} period
 *       and one {@code XAUTOCLAIM} per {@code claimInterval}, nothing else.</li>
 *   <li>Acknowledges an entry only after its handler succeeded, in one Lua step with recording
 *       and counting its outcome ({@link Completion}); with {@code herald.redis.replica-acks} the
 *       batch counts as settled only once replicas hold that step (and any dead letters first).</li>
 *   <li>Retries a failed entry with exponential backoff and jitter, scheduled in Redis; after
 *       {@code maxAttempts} (or at once when malformed) moves it to the dead-letter stream.</li>
 *   <li>Claims entries that other consumers left pending longer than {@code claimIdle}.</li>
 *   <li>Survives Redis outages: it retries its reads with backoff until Redis answers again.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #start()} once; {@link #close()} stops it, leaving entries in flight
 * pending so that they are claimed again (nothing is lost, some work may be repeated).
 *
 * <p>Over 200 lines on purpose: the read loop, its back-off and its graceful stop share the
 * consumer's state; the work per batch is in BatchProcessor, claims in StaleClaims, retries in
 * RetryBook.
 */
public final class StreamConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

    private final RedisConnections connections;
    private final RedisClusterReactiveCommands<String, String> redis;
    private final ConsumerSettings settings;
    private final Consumer<String> self;
    private final RetryBook retries;
    private final BatchProcessor processor;
    private final ConsumerMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final RetryTimer retryTimer;
    private volatile boolean running;
    private volatile RedisClusterReactiveCommands<String, String> blocking;
    private StatefulConnection<String, String> blockingConnection;
    private Disposable readLoop;
    private Disposable claimLoop;

    public StreamConsumer(RedisConnections connections, ConsumerSettings settings, EntryHandler handler,
                          MeterRegistry registry) {
        this(connections, settings, handler.perBatch(settings.concurrency()), registry);
    }

    /** A consumer whose handler takes each batch as a whole. */
    public static StreamConsumer forBatches(RedisConnections connections, ConsumerSettings settings,
                                            BatchHandler handler, MeterRegistry registry) {
        return new StreamConsumer(connections, settings, handler, registry);
    }

    private StreamConsumer(RedisConnections connections, ConsumerSettings settings, BatchHandler handler,
                           MeterRegistry registry) {
        this.connections = connections;
        this.redis = connections.commands();
        this.settings = settings;
        this.self = Consumer.from(settings.group(), settings.consumer());
        this.metrics = new ConsumerMetrics(registry, settings.stream(), settings.group());
        this.retries = new RetryBook(redis, settings);
        this.retryTimer = new RetryTimer(this::retryDue);
        this.processor = new BatchProcessor(redis, settings, handler, retries, metrics, retryTimer::schedule,
                connections.replicaAcks());
    }

    /** Starts reading in the background; returns at once. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Mono<Void> readOnce = Mono.defer(() -> read(XReadArgs.StreamOffset.lastConsumed(settings.stream())))
                .flatMap(processor::process);
        // the reading connection is opened in the loop, so that a Redis unreachable (or too slow to
        // answer the handshake) at start-up is retried like any later failure instead of failing the start
        readLoop = connectBlocking()
                .then(ensureGroup())
                .then(Mono.defer(() -> recoverOwnPending("0")))
                .then(scheduleEarliestRetry())
                .thenMany(readOnce.repeat(() -> running))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2))
                        .filter(e -> running)
                        // a full Redis can last minutes: say so once a minute, not every two seconds
                        .doBeforeRetry(signal -> {
                            if (!StorageFull.is(signal.failure()) || signal.totalRetries() % 30 == 0) {
                                log.warn("consumer {} on {} retrying after: {}", settings.consumer(),
                                        settings.stream(), signal.failure().toString());
                            }
                        }))
                .doFinally(signal -> stopped.countDown())
                .subscribe(ignored -> { }, error -> log.error("consumer {} on {} stopped", settings.consumer(),
                        settings.stream(), error));
        claimLoop = new StaleClaims(redis, settings, metrics, this::handleTaken).start();
    }

    /** Opens the connection of the blocking reads unless it is open (blocking: on a thread that may block). */
    private Mono<Void> connectBlocking() {
        return Mono.fromRunnable(() -> {
            synchronized (this) {
                if (running && blockingConnection == null) {
                    blockingConnection = connections.dedicated();
                    blocking = RedisConnections.reactive(blockingConnection);
                }
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Mono<Void> ensureGroup() {
        return redis.xgroupCreate(XReadArgs.StreamOffset.from(settings.stream(), "0"), settings.group(),
                        XGroupCreateArgs.Builder.mkstream())
                .onErrorResume(RedisBusyException.class, e -> Mono.empty())
                .then();
    }

    private Mono<List<StreamEntry>> read(XReadArgs.StreamOffset<String> offset) {
        XReadArgs args = XReadArgs.Builder.count(settings.batchSize()).block(settings.block());
        return blocking.xreadgroup(self, args, offset)
                .map(message -> toEntry(message, 0, false))
                .collectList()
                .doOnNext(entries -> {
                    metrics.read.increment(entries.size());
                    if (!entries.isEmpty()) {
                        long waited = System.currentTimeMillis() - StreamEntryId.parse(entries.get(0).id()).millis();
                        metrics.wait.record(Math.max(0, waited), TimeUnit.MILLISECONDS);
                    }
                });
    }

    /** Own pending entries (after a restart under the same name), page by page. */
    private Mono<Void> recoverOwnPending(String after) {
        return blocking.xreadgroup(self, XReadArgs.Builder.count(settings.batchSize()),
                        XReadArgs.StreamOffset.from(settings.stream(), after))
                .collectList()
                .flatMap(messages -> messages.isEmpty() ? Mono.empty()
                        : handleTaken(messages).then(recoverOwnPending(messages.get(messages.size() - 1).getId())));
    }

    /**
     * Handles entries taken from the pending list, except those waiting for a later retry: this
     * consumer owns them now, so its retry timer must know when they are due.
     */
    private Mono<Void> handleTaken(List<StreamMessage<String, String>> messages) {
        List<String> ids = messages.stream().map(StreamMessage::getId).toList();
        return retries.takeClaimed(ids).flatMap(now -> processor.process(messages.stream()
                        .filter(m -> now.containsKey(m.getId()))
                        .map(m -> toEntry(m, now.get(m.getId()), true))
                        .toList())
                .then(now.size() < ids.size() ? scheduleEarliestRetry() : Mono.empty()));
    }

    private Mono<Void> scheduleEarliestRetry() {
        return retries.earliestDue().doOnNext(retryTimer::schedule).then();
    }

    private Mono<Void> retryDue() {
        if (!running) {
            return Mono.empty();
        }
        return retries.takeDue(settings.batchSize())
                .flatMap(due -> due.isEmpty() ? Mono.empty() : claimAndProcess(due))
                .then(scheduleEarliestRetry());
    }

    private Mono<Void> claimAndProcess(Map<String, Integer> due) {
        return redis.xclaim(settings.stream(), self, XClaimArgs.Builder.minIdleTime(0), due.keySet().toArray(String[]::new))
                .map(message -> toEntry(message, due.getOrDefault(message.getId(), 0), true))
                .collectList()
                .flatMap(processor::process);
    }

    private StreamEntry toEntry(StreamMessage<String, String> message, int failedAttempts, boolean redelivered) {
        Map<String, String> body = message.getBody() == null ? Map.of() : message.getBody();
        return new StreamEntry(settings.stream(), message.getId(), body, failedAttempts + 1, redelivered);
    }

    public ConsumerSettings settings() {
        return settings;
    }

    /**
     * Stops reading, lets the batch in hand finish for up to {@code grace}, then stops. Entries
     * not settled by then stay pending and are claimed later.
     */
    public void stop(Duration grace) {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
        }
        try {
            stopped.await(grace.toMillis() + settings.block().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Stops at once; entries in flight stay pending (as after a crash). */
    @Override
    public synchronized void close() {
        running = false;
        retryTimer.cancel();
        if (claimLoop != null) {
            claimLoop.dispose();
        }
        if (readLoop != null) {
            readLoop.dispose();
        }
        if (blockingConnection != null) {
            connections.release(blockingConnection);
            blockingConnection = null;
            blocking = null;
        }
    }

}
