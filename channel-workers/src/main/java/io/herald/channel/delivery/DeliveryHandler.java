package io.herald.channel.delivery;

import io.herald.channel.ratelimit.RateLimiter;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.Completion;
import io.herald.eventstore.consumer.EntryHandler;
import io.herald.eventstore.consumer.StreamEntry;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Delivers the notifications of one channel stream: decode, skip what is already settled, settle
 * a cancelled campaign's notifications as {@code CANCELLED}, wait for the channel's rate limit,
 * send through the channel's {@link ChannelSender}, and record the outcome with the {@code XACK}
 * (delivered record, campaign progress counter and channel totals in one Lua step).
 *
 * <p>A rejected send is recorded {@code FAILED} at once; a send error is a failed attempt that
 * the runtime retries with backoff and finally dead-letters ({@code DEAD_LETTERED}).
 */
final class DeliveryHandler implements EntryHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);

    private final ChannelSender sender;
    private final EventCodec codec;
    private final RedisReactiveCommands<String, String> redis;
    private final CancelledCampaigns cancellations;
    private final RateLimiter rateLimiter;
    private final boolean priority;

    DeliveryHandler(ChannelSender sender, EventCodec codec, RedisReactiveCommands<String, String> redis,
                    CancelledCampaigns cancellations, RateLimiter rateLimiter, boolean priority) {
        this.sender = sender;
        this.codec = codec;
        this.redis = redis;
        this.cancellations = cancellations;
        this.rateLimiter = rateLimiter;
        this.priority = priority;
    }

    @Override
    public Mono<Completion> handle(StreamEntry entry) {
        Notification notification = decode(entry);
        String deliveredKey = StreamKeys.delivered(entry.stream(), notification.campaignId());
        // both checks go out pipelined on the shared connection: one round trip of latency
        return Mono.zip(redis.hexists(deliveredKey, notification.notificationId()),
                        cancellations.isCancelled(notification))
                .flatMap(checks -> {
                    if (checks.getT1()) {
                        // settled by an earlier delivery of this entry (crash before XACK, claim): do not send twice
                        return Mono.just(Completion.ack());
                    }
                    if (checks.getT2()) {
                        return Mono.just(record(entry, notification, Outcome.now(Outcome.CANCELLED, entry.attempt(), null)));
                    }
                    return rateLimiter.acquire(sender.channel(), priority)
                            .then(Mono.defer(() -> sender.send(notification)))
                            .map(result -> record(entry, notification, outcomeOf(result, entry.attempt())));
                });
    }

    @Override
    public Completion onDeadLetter(StreamEntry entry, Throwable error) {
        try {
            Notification notification = decode(entry);
            log.warn("notification {} dead-lettered on {} after {} attempts", notification.notificationId(),
                    entry.stream(), entry.attempt());
            return record(entry, notification, Outcome.now(Outcome.DEAD_LETTERED, entry.attempt(), describe(error)));
        } catch (MalformedEntryException e) {
            // nothing to record it under: the dead letter itself is the record
            return Completion.ack();
        }
    }

    private Outcome outcomeOf(SendResult result, int attempt) {
        if (result instanceof SendResult.Rejected rejected) {
            return Outcome.now(Outcome.FAILED, attempt, rejected.reason());
        }
        return Outcome.now(Outcome.DELIVERED, attempt, null);
    }

    private Completion record(StreamEntry entry, Notification notification, Outcome outcome) {
        if (Outcome.FAILED.equals(outcome.status())) {
            log.info("notification {} failed for good on {}: {}", notification.notificationId(), entry.stream(),
                    outcome.error());
        }
        return Completion.record(StreamKeys.delivered(entry.stream(), notification.campaignId()),
                notification.notificationId(), codec.encode(outcome),
                StreamKeys.progress(entry.stream(), notification.campaignId()), outcome.counter(),
                StreamKeys.channelTotals(entry.stream()));
    }

    private Notification decode(StreamEntry entry) {
        EventEnvelope envelope = entry.envelope();
        if (!EventNames.MESSAGE_QUEUED.equals(envelope.event())) {
            throw new MalformedEntryException("unexpected event '" + envelope.event() + "' on " + entry.stream());
        }
        Notification notification = codec.decode(envelope, Notification.class);
        if (blank(notification.notificationId()) || blank(notification.campaignId()) || blank(notification.to())) {
            throw new MalformedEntryException("notification without notificationId, campaignId or to");
        }
        return notification;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
