package io.herald.notification.bulk;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.StreamKeys;
import io.herald.notification.NotificationKeys;
import io.herald.notification.queue.QueuedMessages;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts a rendered batch on its streams: one {@code queue-batch.lua} call per stream (entries,
 * {@code targeted} counter and batch marker in one atomic step), all streams' calls pipelined on
 * the shared connection. Thread-safe.
 */
final class BatchQueue {

    private static final LuaScript QUEUE_BATCH = LuaScript.fromClasspath("io/herald/notification/queue-batch.lua");

    /** What one stream got: entries appended, or -1 when the batch was there already. */
    record Queued(String stream, long appended) {
    }

    private final RedisClusterReactiveCommands<String, String> redis;

    BatchQueue(RedisClusterReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Queues the plan's entries of batch {@code batch} of campaign {@code campaignId}; completes when Redis has them all. */
    Flux<Queued> queue(String campaignId, int batch, Map<String, List<QueuedMessages.Entry>> entriesByStream) {
        List<String> common = QueuedMessages.commonArguments(Instant.now());
        return Flux.fromIterable(entriesByStream.entrySet())
                .flatMap(e -> queueOnStream(e.getKey(), campaignId, batch, common, e.getValue()), entriesByStream.size() + 1);
    }

    private Mono<Queued> queueOnStream(String stream, String campaignId, int batch, List<String> common,
                                       List<QueuedMessages.Entry> entries) {
        String[] keys = {stream, NotificationKeys.renderedBatches(stream, campaignId), StreamKeys.progress(stream, campaignId)};
        List<String> args = new ArrayList<>(1 + common.size() + 2 * entries.size());
        args.add(Integer.toString(batch));
        args.addAll(common);
        for (QueuedMessages.Entry entry : entries) {
            args.add(entry.envelopeId());
            args.add(entry.data());
        }
        return QUEUE_BATCH.<Long>run(redis, ScriptOutputType.INTEGER, keys, args.toArray(String[]::new))
                .next()
                .map(appended -> new Queued(stream, appended));
    }
}
