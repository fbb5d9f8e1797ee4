package io.herald.bench.drill;

import io.herald.bench.e2e.RedisAccess;
import io.herald.eventstore.StreamKeys;
import java.util.List;

/** What consumer groups hold: pending entries of one process's consumers (read with XINFO CONSUMERS). */
final class Consumers {

    static final String WORKERS_GROUP = "channel-workers";

    private Consumers() {
    }

    /**
     * Entries pending for consumers whose name starts with {@code instanceId + "-"} on the bulk and
     * priority streams of {@code channels}: the work in flight of that process.
     */
    static long pending(RedisAccess redis, List<String> channels, String instanceId) {
        long pending = 0;
        for (String channel : channels) {
            for (String stream : List.of(StreamKeys.notify(channel), StreamKeys.priority(channel))) {
                pending += pending(redis, stream, WORKERS_GROUP, instanceId + "-");
            }
        }
        return pending;
    }

    static long pending(RedisAccess redis, String stream, String group, String consumerPrefix) {
        List<Object> consumers;
        try {
            consumers = redis.sync().xinfoConsumers(stream, group);
        } catch (RuntimeException noSuchGroup) {
            return 0;
        }
        long pending = 0;
        for (Object consumer : consumers) {
            List<?> fields = (List<?>) consumer;
            String name = null;
            long count = 0;
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                String field = String.valueOf(fields.get(i));
                if ("name".equals(field)) {
                    name = String.valueOf(fields.get(i + 1));
                } else if ("pending".equals(field)) {
                    count = ((Number) fields.get(i + 1)).longValue();
                }
            }
            if (name != null && name.startsWith(consumerPrefix)) {
                pending += count;
            }
        }
        return pending;
    }
}
