package io.herald.notification.transactional;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.ProblemException;
import io.herald.eventstore.Channels;
import io.herald.notification.queue.NotificationId;
import io.herald.notification.queue.QueuedMessages;
import io.herald.notification.render.MessageRenderer;
import io.herald.notification.render.Recipient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Queues a transactional notification: reads the user, renders the texts as for a campaign, and
 * appends one entry per channel to that channel's priority lane {@code notify:<channel>:priority},
 * which workers read before the bulk streams. Each POST gets its own pseudo campaign id
 * {@code tx-<uuid>}; per channel the entry and {@code targeted = 1} in
 * {@code progress:{notify:<channel>:priority}:tx-<uuid>} are written in one atomic step. With
 * {@code herald.redis.replica-acks} the request is answered only once the replicas hold the
 * entries (else 503, and a retried POST queues the notification again: at least once).
 * Thread-safe.
 */
final class TransactionalNotifications {

    private static final Logger log = LoggerFactory.getLogger(TransactionalNotifications.class);
    private static final LuaScript QUEUE = LuaScript.fromClasspath("io/herald/notification/queue-transactional.lua");

    private final RedisClusterReactiveCommands<String, String> redis;
    private final UserDirectory users;
    private final Channels channels;
    private final QueuedMessages messages;
    private final Duration recordTtl;
    private final ReplicaAcks replicaAcks;

    TransactionalNotifications(RedisClusterReactiveCommands<String, String> redis, UserDirectory users, Channels channels,
                               QueuedMessages messages, Duration recordTtl, ReplicaAcks replicaAcks) {
        this.redis = redis;
        this.users = users;
        this.channels = channels;
        this.messages = messages;
        this.recordTtl = recordTtl;
        this.replicaAcks = replicaAcks;
    }

    /**
     * Queues the request; emits the notification ids.
     *
     * @throws ProblemException 400 for an unknown channel, a channel the user has not chosen or has
     *     no address on, or a user without any usable channel; 404 for an unknown user
     */
    Mono<List<String>> send(SendNotificationRequest request) {
        List<String> requested = List.copyOf(new LinkedHashSet<>(request.channels()));
        for (String channel : requested) {
            if (!channels.knows(channel)) {
                return Mono.error(ProblemException.invalidField("channels", "unknown channel '" + channel
                        + "'; this deployment delivers on " + channels.names()));
            }
        }
        return users.find(request.userId())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("user " + request.userId())))
                .flatMap(user -> queue(request, user, targetChannels(user, requested)));
    }

    private List<String> targetChannels(Recipient user, List<String> requested) {
        if (requested.isEmpty()) {
            List<String> chosen = channels.names().stream()
                    .filter(user.channels()::contains).filter(user::reachableOn).toList();
            if (chosen.isEmpty()) {
                throw ProblemException.invalidField("channels", "user " + user.userId()
                        + " has chosen no channel with an address that this deployment delivers on");
            }
            return chosen;
        }
        for (String channel : requested) {
            if (!user.channels().contains(channel)) {
                throw ProblemException.invalidField("channels", "user " + user.userId() + " has not chosen channel '"
                        + channel + "' (chosen: " + user.channels() + ")");
            }
            if (!user.reachableOn(channel)) {
                throw ProblemException.invalidField("channels", "user " + user.userId() + " has no address for channel '"
                        + channel + "'");
            }
        }
        return requested;
    }

    private Mono<List<String>> queue(SendNotificationRequest request, Recipient user, List<String> targets) {
        String campaignId = NotificationId.TRANSACTIONAL_PREFIX + UUID.randomUUID();
        MessageRenderer.Texts texts = new MessageRenderer(request.subject(), request.message(), campaignId, null)
                .texts(user);
        List<String> common = QueuedMessages.commonArguments(Instant.now());
        List<NotificationId> ids = targets.stream().map(channel -> new NotificationId(campaignId, user.userId(), channel))
                .toList();
        return Flux.fromIterable(ids)
                .flatMapSequential(id -> queueOne(id, texts, common))
                .collectList()
                .flatMap(queued -> replicaAcks.await(targets.stream().map(StreamKeys::priority).toList()).thenReturn(queued))
                .doOnNext(queued -> log.info("transactional notification(s) {} queued", queued));
    }

    private Mono<String> queueOne(NotificationId id, MessageRenderer.Texts texts, List<String> common) {
        String stream = StreamKeys.priority(id.channel());
        QueuedMessages.Entry entry = messages.entry(id, texts.on(id.channel()), null);
        List<String> args = new ArrayList<>(common);
        args.add(entry.envelopeId());
        args.add(entry.data());
        args.add(Long.toString(recordTtl.toSeconds()));
        return QUEUE.<String>run(redis, ScriptOutputType.VALUE, new String[] {stream, StreamKeys.progress(stream, id.campaignId()),
                                StreamKeys.delivered(stream, id.campaignId())},
                        args.toArray(String[]::new))
                .next()
                .thenReturn(id.toString());
    }
}
