package io.herald.channel.delivery;

import io.herald.channel.ChannelKeys;
import io.herald.channel.ratelimit.RateLimiter;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.NotificationHistory;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.Completion;
import io.herald.eventstore.consumer.BatchHandler;
import io.herald.eventstore.consumer.Handled;
import io.herald.eventstore.consumer.StreamEntry;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the notifications of one channel stream a batch at a time: decode, skip what is already
 * settled, settle a cancelled campaign's notifications as {@code CANCELLED} and those whose
 * recipient is gone or opted out as {@code SKIPPED} ({@link RecipientCheck}), wait for the channel's
 * rate limit, send through the channel's {@link ChannelSender} ({@link ChannelSender#sendAll}), and
 * record each outcome with the {@code XACK} (delivered record, campaign progress counter, channel
 * totals and the recipient's entry in the day's notification history, in one Lua step per slice
 * of finished notifications: the runtime settles them as they finish, {@code settle-slice} at a time,
 * so each result is emitted as soon as its send is done).
 *
 * <p>Only a redelivered entry (recovered, claimed or retried) can have been sent before, so only
 * those cost a look at their delivered record ({@code HEXISTS}); a fresh entry goes straight on.
 * A rejected send is recorded {@code FAILED} at once; a send error is a failed attempt that the
 * runtime retries with backoff and finally dead-letters ({@code DEAD_LETTERED}).
 *
 * <p>Over 200 lines on purpose: triage, send and settle of one batch are one flow whose look-ups
 * are batched across all three steps; splitting it would add a round trip or a hand-off per batch.
 */
final class DeliveryHandler implements BatchHandler {

    private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);

    /** One notification of the batch; {@code settled} when it is settled without a send. */
    private record Job(StreamEntry entry, Notification notification, Handled settled) {

        Job settle(Completion completion) {
            return new Job(entry, notification, Handled.done(entry, completion));
        }
    }

    private final ChannelSender sender;
    private final EventCodec codec;
    private final RedisClusterReactiveCommands<String, String> redis;
    private final RecipientCheck recipients;
    private final CancelledCampaigns cancellations;
    private final RateLimiter rateLimiter;
    private final boolean priority;
    private final int concurrency;
    private final Duration historyRetention;

    DeliveryHandler(ChannelSender sender, EventCodec codec, RedisClusterReactiveCommands<String, String> redis,
                    CancelledCampaigns cancellations, RateLimiter rateLimiter, boolean priority, int concurrency,
                    Duration historyRetention, boolean checkRecipients) {
        this.sender = sender;
        this.codec = codec;
        this.redis = redis;
        this.recipients = new RecipientCheck(redis, checkRecipients);
        this.cancellations = cancellations;
        this.rateLimiter = rateLimiter;
        this.priority = priority;
        this.concurrency = concurrency;
        this.historyRetention = historyRetention;
    }

    @Override
    public Flux<Handled> handle(List<StreamEntry> entries) {
        List<Handled> malformed = new ArrayList<>();
        List<Job> jobs = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            try {
                jobs.add(new Job(entry, decode(entry), null));
            } catch (MalformedEntryException e) {
                malformed.add(Handled.failed(entry, e));
            }
        }
        return Flux.fromIterable(malformed).concatWith(triage(jobs).flatMapMany(this::settleOrSend));
    }

    /**
     * The jobs, each settled when it needs no send (sent before, campaign cancelled, recipient gone
     * or opted out): one cancellation look-up per campaign of the batch (cached), one {@code HEXISTS}
     * per redelivered entry and one {@code HMGET} per recipient, all at once.
     */
    private Mono<List<Job>> triage(List<Job> jobs) {
        Map<String, Notification> byCampaign = new HashMap<>();
        List<Job> redelivered = new ArrayList<>();
        for (Job job : jobs) {
            byCampaign.putIfAbsent(job.notification().campaignId(), job.notification());
            if (job.entry().redelivered()) {
                redelivered.add(job);
            }
        }
        Mono<Set<String>> cancelled = Flux.fromIterable(byCampaign.values())
                .flatMap(notification -> cancellations.isCancelled(notification)
                        .filter(Boolean::booleanValue).map(yes -> notification.campaignId()))
                .collect(Collectors.toSet());
        Mono<Set<String>> sentBefore = Flux.fromIterable(redelivered)
                .flatMap(job -> redis.hexists(StreamKeys.delivered(job.entry().stream(), job.notification().campaignId()),
                                job.notification().notificationId())
                        .filter(Boolean::booleanValue).map(yes -> job.entry().id()))
                .collect(Collectors.toSet());
        Mono<Map<String, String>> unwanted = recipients.unwanted(jobs.stream().map(Job::notification).toList());
        return Mono.zip(cancelled, sentBefore, unwanted).map(checks -> jobs.stream().map(job -> {
            if (checks.getT2().contains(job.entry().id())) {
                // settled by an earlier delivery of this entry (crash before XACK, claim): do not send twice
                return job.settle(Completion.ack());
            }
            if (checks.getT1().contains(job.notification().campaignId())) {
                return job.settle(record(job, Outcome.CANCELLED, job.entry().attempt(), null));
            }
            String unwantedBecause = checks.getT3().get(job.notification().notificationId());
            if (unwantedBecause != null) {
                return job.settle(record(job, Outcome.SKIPPED, 0, unwantedBecause));
            }
            return job;
        }).toList());
    }

    private Flux<Handled> settleOrSend(List<Job> triaged) {
        List<Handled> settled = new ArrayList<>();
        Map<String, Job> toSend = new HashMap<>(triaged.size() * 2);
        for (Job job : triaged) {
            if (job.settled() != null) {
                settled.add(job.settled());
            } else if (toSend.putIfAbsent(job.notification().notificationId(), job) != null) {
                // the same notification twice in one batch: one send settles both entries
                settled.add(Handled.done(job.entry(), Completion.ack()));
            }
        }
        if (toSend.isEmpty()) {
            return Flux.fromIterable(settled);
        }
        List<Notification> notifications = toSend.values().stream().map(Job::notification).toList();
        Flux<ChannelSender.Sent> sent = rateLimiter.limits(sender.channel())
                ? Flux.fromIterable(notifications).flatMap(notification -> rateLimiter.acquire(sender.channel(), priority)
                        .thenMany(sender.sendAll(List.of(notification), 1))
                        .onErrorResume(error -> Mono.just(ChannelSender.Sent.error(notification, error))), concurrency)
                : sender.sendAll(notifications, concurrency);
        return Flux.fromIterable(settled).concatWith(sent.mapNotNull(s -> {
            Job job = toSend.get(s.notification().notificationId());
            if (job == null) {
                return null;
            }
            if (s.error() != null) {
                return Handled.failed(job.entry(), s.error());
            }
            String rejected = s.result() instanceof SendResult.Rejected r ? r.reason() : null;
            return Handled.done(job.entry(), record(job, rejected == null ? Outcome.DELIVERED : Outcome.FAILED,
                    job.entry().attempt(), rejected));
        }));
    }

    @Override
    public Completion onDeadLetter(StreamEntry entry, Throwable error) {
        try {
            Notification notification = decode(entry);
            log.warn("notification {} dead-lettered on {} after {} attempts", notification.notificationId(),
                    entry.stream(), entry.attempt());
            return record(entry, notification, Outcome.DEAD_LETTERED, entry.attempt(), describe(error));
        } catch (MalformedEntryException e) {
            // nothing to record it under: the dead letter itself is the record
            return Completion.ack();
        }
    }

    private Completion record(Job job, String status, int attempts, String error) {
        return record(job.entry(), job.notification(), status, attempts, error);
    }

    private Completion record(StreamEntry entry, Notification notification, String status, int attempts, String error) {
        if (Outcome.FAILED.equals(status)) {
            log.info("notification {} failed for good on {}: {}", notification.notificationId(), entry.stream(), error);
        }
        // milliseconds, as the notification history orders by; one Instant for the record and the index
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Outcome outcome = new Outcome(status, attempts, at.toString(), error);
        LocalDate day = NotificationHistory.day(at);
        long expiresAt = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(historyRetention).getEpochSecond();
        String userId = notification.userId() == null ? "" : notification.userId();
        return Completion.record(StreamKeys.delivered(entry.stream(), notification.campaignId()),
                notification.notificationId(), codec.encode(outcome),
                StreamKeys.progress(entry.stream(), notification.campaignId()), outcome.counter(),
                ChannelKeys.channelTotals(entry.stream()), StreamKeys.userNotifications(entry.stream(), day),
                NotificationHistory.member(userId, at, notification.notificationId()), expiresAt);
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
