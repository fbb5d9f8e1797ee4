package io.herald.channel.status;

import io.herald.channel.ChannelKeys;
import io.herald.channel.delivery.Notification;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.DeadLetters;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Replays a channel's dead letters, oldest first: each goes back to the stream it came from as a
 * new entry (its attempts start again), and its {@code DEAD_LETTERED} outcome is removed and
 * un-counted in the same step ({@code replay.lua}), so that the second run's outcome is recorded
 * and counted like a first one. Then it leaves {@code dlq:<channel>} (with
 * {@code herald.redis.replica-acks}, only once the replicas hold it on its stream). A crash between
 * the two steps replays it twice; the delivered record keeps that from being counted twice.
 *
 * <p>This extends {@link DeadLetters#replay}, which only re-appends: a notification's outcome is
 * recorded once, so the old {@code DEAD_LETTERED} record would otherwise hide the new outcome.
 */
@Component
class DeadLetterReplay {

    private static final LuaScript REPLAY = LuaScript.fromClasspath("io/herald/channel/status/replay.lua");

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;
    private final ReplicaAcks replicaAcks;

    DeadLetterReplay(RedisConnections connections, EventCodec codec) {
        this.redis = connections.commands();
        this.replicaAcks = connections.replicaAcks();
        this.codec = codec;
    }

    /** Replays up to {@code max} dead letters of {@code channel}; emits how many were replayed. */
    Mono<Long> replay(String channel, int max) {
        return replay(channel, redis.xrange(StreamKeys.deadLetters(channel), Range.unbounded(), Limit.create(0, max))
                .map(message -> new DeadLetters.DeadLetter(message.getId(), message.getBody())));
    }

    /** Replays the given dead letters of {@code channel}, one after the other; emits how many were replayed. */
    Mono<Long> replay(String channel, Flux<DeadLetters.DeadLetter> letters) {
        String deadLetterStream = StreamKeys.deadLetters(channel);
        return letters.concatMap(letter -> putBack(letter)
                        .then(replicaAcks.await(letter.fields().get(DeadLetters.SOURCE_STREAM)))
                        .then(redis.xdel(deadLetterStream, letter.id())))
                .filter(deleted -> deleted > 0)
                .count();
    }

    private Mono<String> putBack(DeadLetters.DeadLetter letter) {
        String stream = letter.fields().get(DeadLetters.SOURCE_STREAM);
        Map<String, String> original = letter.original();
        Notification notification = notificationOf(original);
        if (notification == null) {
            return redis.xadd(stream, original);
        }
        List<String> args = new ArrayList<>(1 + original.size() * 2);
        args.add(notification.notificationId());
        original.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        String[] keys = {stream, StreamKeys.delivered(stream, notification.campaignId()),
                StreamKeys.progress(stream, notification.campaignId()), ChannelKeys.channelTotals(stream)};
        return REPLAY.<String>run(redis, ScriptOutputType.VALUE, keys, args.toArray(String[]::new)).next();
    }

    private Notification notificationOf(Map<String, String> fields) {
        try {
            Notification notification = codec.decode(EventEnvelope.fromFields(fields), Notification.class);
            return notification.notificationId() == null || notification.campaignId() == null ? null : notification;
        } catch (MalformedEntryException e) {
            return null;
        }
    }
}
