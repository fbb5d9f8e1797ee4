package io.herald.eventstore.consumer;

import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.ReplicasBehindException;
import io.herald.eventstore.retention.StorageFull;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs the handler over a batch and settles its entries, in slices as their results arrive or
 * all at the end ({@link ConsumerSettings#settleSlice()}): successes and dead letters in one
 * completion round trip per slice, failures into the retry schedule. With replica acks required, dead
 * letters are on the replicas before the entries leave the stream, and the batch is settled only
 * once the completion step is on the replicas too (per slice); an entry whose handler met
 * {@link ReplicasBehindException} stays pending and is tried again later, without counting an
 * attempt. While Redis is full (it refuses writes with OOM) settling waits with backoff and tries again, so work done is recorded once memory is
 * freed instead of being redone after a redelivery; stopping the consumer cancels the wait.
 */
final class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);
    /** Slices of one batch being settled at once. */
    static final int SLICES_SETTLING = 4;

    private record DeadLetter(StreamEntry entry, Throwable error, long attempts) {
    }

    private final ConsumerSettings settings;
    private final BatchHandler handler;
    private final Completer completer;
    private final RetryBook retries;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;
    private final LongConsumer retryScheduled;
    private final ReplicaAcks replicaAcks;
    private final Retry untilFreed;

    BatchProcessor(RedisClusterReactiveCommands<String, String> redis, ConsumerSettings settings, BatchHandler handler,
                   RetryBook retries, ConsumerMetrics metrics, LongConsumer retryScheduled, ReplicaAcks replicaAcks) {
        this.settings = settings;
        this.handler = handler;
        this.completer = new Completer(redis, settings.stream(), settings.group());
        this.retries = retries;
        this.deadLetters = new DeadLetters(redis);
        this.metrics = metrics;
        this.retryScheduled = retryScheduled;
        this.replicaAcks = replicaAcks;
        this.untilFreed = StorageFull.untilFreed(log, "settling entries of " + settings.stream(), () -> true);
    }

    /**
     * Handles the entries and settles each of them; completes when all are settled in Redis. One
     * timer per batch, not per entry: whatever has no result {@code handlerTimeout} after the batch
     * started, not counting the time spent settling its slices (during which the handler may be held
     * back), is a failed attempt. Results are settled in slices as they arrive ({@code settleSlice}
     * finished entries, or whatever is finished after {@code settleInterval}), up to
     * {@value #SLICES_SETTLING} slices at a time, so that a crash repeats only the work of the
     * entries in flight and of the unsettled slices;
     * with no {@code settleSlice} the whole batch is settled once every entry has its result.
     */
    Mono<Void> process(List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        long start = System.nanoTime();
        SettlingClock settling = new SettlingClock();
        Map<String, StreamEntry> waiting = new ConcurrentHashMap<>(entries.size() * 2);
        entries.forEach(entry -> waiting.put(entry.id(), entry));
        AtomicReference<Throwable> unfinished = new AtomicReference<>(
                new TimeoutException("no result within " + settings.handlerTimeout()));
        Flux<Handled> results = Flux.defer(() -> handler.handle(entries))
                .takeUntilOther(deadline(start + settings.handlerTimeout().toNanos(), settling))
                // the first result of an entry of this batch counts, any other is ignored
                .filter(handled -> waiting.remove(handled.entry().id()) != null)
                .onErrorResume(error -> {
                    log.warn("handler of {} failed a batch of {}: {}", settings.stream(), entries.size(), error.toString());
                    unfinished.set(error);
                    return Mono.empty();
                })
                .concatWith(Flux.defer(() -> {
                    metrics.batch.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    return Flux.fromIterable(entries).filter(entry -> waiting.remove(entry.id()) != null)
                            .map(entry -> Handled.failed(entry, unfinished.get()));
                }));
        // a few slices settle side by side: their completion calls go out pipelined on the connection
        // instead of one round trip after the other (a handler that finishes its batch at once, as
        // the log senders do, made 500 / 16 sequential round trips per batch)
        return slices(results).flatMap(slice -> Mono.defer(() -> {
            settling.started();
            return settle(slice).doFinally(signal -> settling.finished());
        }), SLICES_SETTLING, 1).then();
    }

    /** Emits once {@code deadline} (nanoTime), pushed back by the time spent settling so far, has passed. */
    private static Mono<Long> deadline(long deadline, SettlingClock settling) {
        return Mono.defer(() -> {
            long left = deadline + settling.elapsed() - System.nanoTime();
            return left <= 0 ? Mono.just(0L) : Mono.delay(Duration.ofNanos(left)).then(deadline(deadline, settling));
        });
    }

    /**
     * The results in the slices they are settled in. With slices the handler is held back when it
     * runs a few slices ahead of settling ({@code bufferTimeout} reads up to four slices ahead): a
     * handler that finishes its whole batch at once, faster than slices are written, would otherwise
     * leave the batch unsettled as long as before. The batch's timer does not run while a slice is
     * being settled, so a slow settlement (a full Redis) does not end entries the handler was held
     * back from.
     */
    private Flux<List<Handled>> slices(Flux<Handled> results) {
        if (settings.settleSlice() == 0) {
            return results.collectList().filter(slice -> !slice.isEmpty()).flux();
        }
        return results.bufferTimeout(settings.sliceSize(), settings.settleInterval(), true);
    }

    /** Settles a slice: successes and dead letters in one completion round trip, failures into the retry schedule. */
    private Mono<Void> settle(List<Handled> slice) {
        List<Completer.Settled> settled = new ArrayList<>(slice.size());
        List<Handled> failed = new ArrayList<>();
        for (Handled handled : slice) {
            if (handled.succeeded()) {
                settled.add(new Completer.Settled(handled.entry().id(), handled.completion()));
            } else {
                failed.add(handled);
            }
        }
        return Flux.fromIterable(failed)
                .concatMap(this::retryOrGiveUp)
                .concatMap(letter -> deadLetters.add(settings.deadLetterStream(), letter.entry(), letter.error(), letter.attempts())
                        .retryWhen(untilFreed)
                        .thenReturn(new Completer.Settled(letter.entry().id(),
                                handler.onDeadLetter(letter.entry(), letter.error()))))
                .collectList()
                .flatMap(dead -> {
                    settled.addAll(dead);
                    metrics.deadLettered.increment(dead.size());
                    metrics.acked.increment(settled.size());
                    Mono<Void> deadLettersReplicated = dead.isEmpty() ? Mono.empty()
                            : replicaAcks.await(settings.deadLetterStream());
                    // the work is done: on a full Redis wait to record it rather than do it again later
                    return deadLettersReplicated.then(completer.complete(settled).retryWhen(untilFreed));
                })
                .then(Mono.defer(() -> settled.isEmpty() ? Mono.<Void>empty() : replicaAcks.await(settings.stream())));
    }

    private Mono<DeadLetter> retryOrGiveUp(Handled failure) {
        StreamEntry entry = failure.entry();
        if (failure.error() instanceof ReplicasBehindException behind) {
            // the work is done but not yet on the replicas: not a failed attempt, and not acknowledged
            log.warn("entry {} on {} stays pending: {}", entry.id(), entry.stream(), behind.getMessage());
            return retries.later(entry.id()).doOnNext(retryScheduled::accept).then(Mono.empty());
        }
        if (failure.error() instanceof MalformedEntryException) {
            log.warn("malformed entry {} on {}: {}", entry.id(), entry.stream(), failure.error().getMessage());
            return Mono.just(new DeadLetter(entry, failure.error(), entry.attempt()));
        }
        // an attempt that failed on a full Redis says nothing about the entry: it does not count
        return retries.fail(entry.id(), !StorageFull.is(failure.error())).retryWhen(untilFreed).flatMap(outcome -> {
            if (outcome.exhausted()) {
                log.warn("entry {} on {} dead-lettered after {} attempts: {}", entry.id(), entry.stream(),
                        outcome.attempts(), DeadLetters.describe(failure.error()));
                return Mono.just(new DeadLetter(entry, failure.error(), outcome.attempts()));
            }
            log.info("entry {} on {} failed attempt {}, retry at {}: {}", entry.id(), entry.stream(),
                    outcome.attempts(), java.time.Instant.ofEpochMilli(outcome.dueMillis()),
                    DeadLetters.describe(failure.error()));
            metrics.retried.increment();
            retryScheduled.accept(outcome.dueMillis());
            return Mono.empty();
        });
    }
}
