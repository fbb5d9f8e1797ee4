package io.herald.notification.status;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.ProblemException;
import io.herald.eventstore.Channels;
import io.herald.notification.queue.NotificationId;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import reactor.core.publisher.Mono;

/**
 * Where a notification stands, read from the outcome record its worker wrote, or — without one —
 * from the record that it was queued. Both reads go out together (one round trip).
 *
 * <p>A transactional notification is QUEUED while its own progress record lives (see
 * {@code herald.notification.transactional.record-ttl}). A campaign notification is QUEUED while
 * its campaign has been rendered on that channel stream and no outcome exists; which users a
 * campaign targeted is not kept per user, so the id of a user outside the audience also reads as
 * QUEUED there. Thread-safe.
 */
final class NotificationStatuses {

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Channels channels;
    private final EventCodec codec;

    NotificationStatuses(RedisClusterReactiveCommands<String, String> redis, Channels channels, EventCodec codec) {
        this.redis = redis;
        this.channels = channels;
        this.codec = codec;
    }

    /**
     * The status of {@code notificationId}.
     *
     * @throws ProblemException 400 when the id is not {@code <campaignId>:<userId>:<channel>}, 404
     *     when no such notification is known
     */
    Mono<NotificationStatus> find(String notificationId) {
        NotificationId id = NotificationId.parse(notificationId).orElseThrow(() -> ProblemException.invalidField(
                "notificationId", "expected <campaignId>:<userId>:<channel>, e.g. tx-<uuid>:42:email"));
        if (!channels.knows(id.channel())) {
            return Mono.error(ProblemException.notFound("notification " + notificationId));
        }
        String stream = id.stream(channels);
        Mono<String> outcome = redis.hget(StreamKeys.delivered(stream, id.campaignId()), notificationId);
        Mono<Long> queued = redis.exists(StreamKeys.progress(stream, id.campaignId()));
        return Mono.zip(outcome.map(json -> codec.decode(json, Outcome.class)).map(java.util.Optional::of)
                                .defaultIfEmpty(java.util.Optional.empty()), queued)
                .flatMap(both -> both.getT1().map(o -> Mono.just(NotificationStatus.of(notificationId, o)))
                        .orElseGet(() -> both.getT2() > 0 ? Mono.just(NotificationStatus.queued(notificationId))
                                : Mono.error(ProblemException.notFound("notification " + notificationId))));
    }
}
