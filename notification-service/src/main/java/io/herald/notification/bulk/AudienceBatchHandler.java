package io.herald.notification.bulk;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.Completion;
import io.herald.eventstore.consumer.EntryHandler;
import io.herald.eventstore.consumer.StreamEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handles the {@code audiences} stream: renders each {@code user_audience_resolved} batch into
 * {@code notification_message_queued} entries, queues them per channel stream (entries, targeted
 * counter and batch marker atomic per stream), then counts the batch in {@code rendered:<campaignId>};
 * with {@code herald.redis.replica-acks} waits until the replicas of every master written to hold
 * those writes; only then does the runtime acknowledge the batch. Any other event is acknowledged untouched.
 *
 * <p>Repeating a batch (after a crash, a timeout or a claim) changes nothing that was done: each
 * stream remembers the batches it holds, and the campaign record counts each batch once.
 * Decoding and rendering run on the parallel scheduler, never on a Redis I/O thread.
 */
final class AudienceBatchHandler implements EntryHandler {

    private static final Logger log = LoggerFactory.getLogger(AudienceBatchHandler.class);

    private final EventCodec codec;
    private final BatchRenderer renderer;
    private final BatchQueue queue;
    private final RenderedCampaigns rendered;
    private final BulkMetrics metrics;
    private final ReplicaAcks replicaAcks;

    /** @param replicaAcks of the connection {@code queue} and {@code rendered} write on */
    AudienceBatchHandler(EventCodec codec, BatchRenderer renderer, BatchQueue queue, RenderedCampaigns rendered,
                         ReplicaAcks replicaAcks, MeterRegistry registry) {
        this.codec = codec;
        this.renderer = renderer;
        this.queue = queue;
        this.rendered = rendered;
        this.metrics = new BulkMetrics(registry);
        this.replicaAcks = replicaAcks;
    }

    @Override
    public Mono<Completion> handle(StreamEntry entry) {
        EventEnvelope envelope = entry.envelope();
        if (!EventNames.AUDIENCE_RESOLVED.equals(envelope.event())) {
            return Mono.just(Completion.ack());
        }
        return Mono.fromCallable(() -> codec.decode(envelope, AudienceResolved.class).validated())
                .flatMap(batch -> Mono.fromCallable(() -> renderer.render(batch))
                        .flatMap(plan -> queueAndCount(batch, plan)))
                .subscribeOn(Schedulers.parallel())
                .thenReturn(Completion.ack());
    }

    private Mono<Void> queueAndCount(AudienceResolved batch, BatchRenderer.Plan plan) {
        plan.skipped().forEach((channel, count) -> log.warn("campaign {} batch {}: {} recipient(s) chose {} but have no "
                + "address there; not queued", batch.campaignId(), batch.batch(), count, channel));
        return queue.queue(batch.campaignId(), batch.batch(), plan.entriesByStream())
                .doOnNext(queued -> metrics.queued(queued.stream(), queued.appended()))
                .collectList()
                .flatMap(results -> rendered.markRendered(batch.campaignId(), batch.batch(), batch.lastBatch())
                        .doOnNext(complete -> logBatch(batch, results, complete)))
                .then(Mono.defer(() -> {
                    // also when a stream had the batch already: an earlier attempt may have written it unconfirmed
                    List<String> written = new ArrayList<>(plan.entriesByStream().keySet());
                    written.add(StreamKeys.rendered(batch.campaignId()));
                    return replicaAcks.await(written);
                }));
    }

    private void logBatch(AudienceResolved batch, List<BatchQueue.Queued> results, boolean campaignComplete) {
        if (results.stream().anyMatch(queued -> queued.appended() < 0)) {
            log.info("campaign {} batch {} was queued before on {}; nothing appended again", batch.campaignId(),
                    batch.batch(), results.stream().filter(q -> q.appended() < 0).map(BatchQueue.Queued::stream).toList());
        }
        log.debug("campaign {} batch {} queued: {}", batch.campaignId(), batch.batch(), results);
        if (campaignComplete) {
            log.info("campaign {} fully rendered (batch {} came last)", batch.campaignId(), batch.batch());
        }
    }
}
