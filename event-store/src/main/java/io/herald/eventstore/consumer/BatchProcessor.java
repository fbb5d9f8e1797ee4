package io.herald.eventstore.consumer;

import io.herald.eventstore.MalformedEntryException;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the handler over a batch with bounded concurrency, then settles the batch: successes and
 * dead letters in one completion round trip, failures into the retry schedule.
 */
final class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);

    private sealed interface Result permits Done, Failed {
        StreamEntry entry();
    }

    private record Done(StreamEntry entry, Completion completion) implements Result {
    }

    private record Failed(StreamEntry entry, Throwable error) implements Result {
    }

    private record DeadLetter(StreamEntry entry, Throwable error, long attempts) {
    }

    private final ConsumerSettings settings;
    private final EntryHandler handler;
    private final Completer completer;
    private final RetryBook retries;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;
    private final LongConsumer retryScheduled;

    BatchProcessor(RedisReactiveCommands<String, String> redis, ConsumerSettings settings, EntryHandler handler,
                   RetryBook retries, ConsumerMetrics metrics, LongConsumer retryScheduled) {
        this.settings = settings;
        this.handler = handler;
        this.completer = new Completer(redis, settings.stream(), settings.group());
        this.retries = retries;
        this.deadLetters = new DeadLetters(redis);
        this.metrics = metrics;
        this.retryScheduled = retryScheduled;
    }

    /** Handles the entries and settles each of them; completes when all are settled in Redis. */
    Mono<Void> process(List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(entries)
                .flatMap(this::attempt, settings.concurrency())
                .collectList()
                .flatMap(this::settle);
    }

    private Mono<Result> attempt(StreamEntry entry) {
        long start = System.nanoTime();
        return Mono.defer(() -> handler.handle(entry))
                .timeout(settings.handlerTimeout())
                .<Result>map(completion -> new Done(entry, completion))
                .switchIfEmpty(Mono.fromSupplier(() ->
                        new Failed(entry, new IllegalStateException("handler completed without a completion"))))
                .onErrorResume(error -> Mono.just(new Failed(entry, error)))
                .doOnNext(result -> metrics.handler.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
    }

    private Mono<Void> settle(List<Result> results) {
        List<Completer.Settled> settled = new ArrayList<>(results.size());
        List<Failed> failed = new ArrayList<>();
        for (Result result : results) {
            if (result instanceof Done done) {
                settled.add(new Completer.Settled(done.entry().id(), done.completion()));
            } else {
                failed.add((Failed) result);
            }
        }
        return Flux.fromIterable(failed)
                .concatMap(this::retryOrGiveUp)
                .concatMap(letter -> deadLetters.add(settings.deadLetterStream(), letter.entry(), letter.error(), letter.attempts())
                        .thenReturn(new Completer.Settled(letter.entry().id(),
                                handler.onDeadLetter(letter.entry(), letter.error()))))
                .collectList()
                .flatMap(dead -> {
                    settled.addAll(dead);
                    metrics.deadLettered.increment(dead.size());
                    metrics.acked.increment(settled.size());
                    return completer.complete(settled);
                })
                .then();
    }

    private Mono<DeadLetter> retryOrGiveUp(Failed failure) {
        StreamEntry entry = failure.entry();
        if (failure.error() instanceof MalformedEntryException) {
            log.warn("malformed entry {} on {}: {}", entry.id(), entry.stream(), failure.error().getMessage());
            return Mono.just(new DeadLetter(entry, failure.error(), entry.attempt()));
        }
        return retries.fail(entry.id()).flatMap(outcome -> {
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
