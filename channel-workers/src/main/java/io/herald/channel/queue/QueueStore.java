package io.herald.channel.queue;

import io.herald.channel.ChannelKeys;
import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.ReplicaAcks;
import io.herald.eventstore.StreamEntryId;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.StreamConsumers;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The queues in Redis: publish, one non-blocking fetch, acknowledge and requeue, each one Lua
 * script (one round trip, atomic). Holds no state of its own: every instance may serve every
 * queue. Thread-safe.
 */
@Component
final class QueueStore {

    private static final Logger log = LoggerFactory.getLogger(QueueStore.class);
    private static final LuaScript PUBLISH = LuaScript.fromClasspath("io/herald/channel/queue/publish.lua");
    private static final LuaScript FETCH = LuaScript.fromClasspath("io/herald/channel/queue/fetch.lua");
    private static final LuaScript SETTLE = LuaScript.fromClasspath("io/herald/channel/queue/settle.lua");

    /** What one fetch round handed out, oldest first, and when the next lease runs out (-1 = none). */
    record Fetched(List<Delivery> deliveries, long millisUntilNextExpiry) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;
    private final EventCodec codec;
    private final MessageBody bodies;
    private final QueueMetrics metrics;
    private final Receipts receipts = new Receipts();
    private final String group;
    private final String consumer;
    private final ReplicaAcks replicaAcks;

    QueueStore(RedisConnections connections, EventCodec codec, MessageBody bodies, QueueMetrics metrics,
               QueueProperties properties, StreamConsumers consumers) {
        this.redis = connections.commands();
        this.replicaAcks = connections.replicaAcks();
        this.codec = codec;
        this.bodies = bodies;
        this.metrics = metrics;
        this.group = properties.group();
        this.consumer = consumers.consumerName("queue");
    }

    /**
     * Appends a message whose body is a JSON object (checked by the caller); emits its id once Redis
     * has it (and, with {@code herald.redis.replica-acks}, its replicas: else an error, 503).
     */
    Mono<String> publish(String queue, String body) {
        EventEnvelope envelope = EventEnvelope.of(EventNames.QUEUE_MESSAGE_PUBLISHED, body);
        List<String> args = new ArrayList<>(11);
        args.add(ChannelKeys.queueSignal(queue));
        args.addAll(envelope.toArgs());
        return PUBLISH.<String>run(redis, ScriptOutputType.VALUE, new String[] {StreamKeys.queue(queue)},
                        args.toArray(String[]::new))
                .then(replicaAcks.await(StreamKeys.queue(queue)))
                .then(Mono.fromRunnable(metrics.published::increment))
                .thenReturn(envelope.id());
    }

    /** Hands out up to {@code max} messages at once, without waiting; creates the queue's group if missing. */
    Mono<Fetched> fetch(String queue, int max, Duration visibilityTimeout) {
        String[] args = new String[4 + max];
        args[0] = group;
        args[1] = consumer;
        args[2] = Integer.toString(max);
        args[3] = Long.toString(visibilityTimeout.toMillis());
        System.arraycopy(receipts.next(max), 0, args, 4, max);
        // Lettuce emits a nested reply as one list
        Mono<Fetched> fetch = Mono.defer(() -> FETCH.<List<Object>>run(redis, ScriptOutputType.MULTI, keys(queue), args)
                .next()
                .map(this::fetched)
                .doOnNext(fetched -> metrics.fetched(fetched.deliveries())));
        return fetch.onErrorResume(QueueStore::noGroup, e -> createGroup(queue).then(fetch));
    }

    /** Acknowledges a delivery: emits true when the message is now gone for good, false when the receipt is dead. */
    Mono<Boolean> acknowledge(String queue, String receipt) {
        return settle(queue, receipt, "ack")
                .doOnNext(settled -> (settled ? metrics.acknowledged : metrics.rejected).increment());
    }

    /** Makes a delivery's message available again at once: emits false when the receipt is dead. */
    Mono<Boolean> requeue(String queue, String receipt) {
        return settle(queue, receipt, "requeue")
                .doOnNext(settled -> (settled ? metrics.requeued : metrics.rejected).increment());
    }

    private Mono<Boolean> settle(String queue, String receipt, String mode) {
        return SETTLE.<Long>run(redis, ScriptOutputType.INTEGER, keys(queue), group, receipt, mode,
                        ChannelKeys.queueSignal(queue))
                .next()
                .map(settled -> settled == 1L);
    }

    private Mono<Void> createGroup(String queue) {
        log.info("creating consumer group {} on {}", group, StreamKeys.queue(queue));
        return redis.xgroupCreate(XReadArgs.StreamOffset.from(StreamKeys.queue(queue), "0"), group,
                        XGroupCreateArgs.Builder.mkstream())
                .onErrorResume(RedisBusyException.class, e -> Mono.empty())
                .then();
    }

    private static boolean noGroup(Throwable error) {
        return error instanceof RedisCommandExecutionException && error.getMessage() != null
                && error.getMessage().contains("NOGROUP");
    }

    private static String[] keys(String queue) {
        return new String[] {StreamKeys.queue(queue), ChannelKeys.queueDeadlines(queue), ChannelKeys.queueReceipts(queue),
                ChannelKeys.queueLeases(queue), ChannelKeys.queueDeliveries(queue)};
    }

    @SuppressWarnings("unchecked")
    private Fetched fetched(List<Object> reply) {
        List<Object> handedOut = (List<Object>) reply.get(0);
        List<List<Object>> rows = new ArrayList<>(handedOut.size());
        handedOut.forEach(row -> rows.add((List<Object>) row));
        rows.sort(Comparator.comparing(row -> StreamEntryId.parse((String) row.get(0))));
        List<Delivery> deliveries = rows.stream().map(this::delivery).toList();
        return new Fetched(deliveries, (Long) reply.get(1));
    }

    @SuppressWarnings("unchecked")
    private Delivery delivery(List<Object> row) {
        String entryId = (String) row.get(0);
        List<Object> flat = (List<Object>) row.get(3);
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put((String) flat.get(i), (String) flat.get(i + 1));
        }
        String id = fields.getOrDefault(EventEnvelope.ID, entryId);
        String body = fields.get(EventEnvelope.DATA);
        // publish checked its bodies; an entry written otherwise is checked before it is embedded raw
        boolean trusted = EventNames.QUEUE_MESSAGE_PUBLISHED.equals(fields.get(EventEnvelope.EVENT));
        if (body == null || !(trusted || bodies.isJsonObject(body))) {
            log.warn("queue entry {} carries no JSON object in 'data'; delivering its raw fields", entryId);
            body = codec.encode(fields);
        }
        return new Delivery((String) row.get(1), id, body, (Long) row.get(2));
    }
}
