package io.herald.notification.bulk;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import reactor.core.publisher.Mono;

/**
 * The {@code rendered:<campaignId>} record: how many distinct audience batches are rendered and
 * which is the last, so that campaign-service knows when the {@code targeted} counters are final
 * ({@code batches == lastBatch + 1}). Thread-safe.
 */
final class RenderedCampaigns {

    private static final LuaScript MARK_RENDERED = LuaScript.fromClasspath("io/herald/notification/mark-rendered.lua");

    /** The record after an update; {@code lastBatch} is -1 until the last batch was seen. */
    record State(long batches, long lastBatch) {

        boolean complete() {
            return lastBatch >= 0 && batches == lastBatch + 1;
        }
    }

    private final RedisReactiveCommands<String, String> redis;

    RenderedCampaigns(RedisReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    /** Counts batch {@code batch} as rendered (once, however often it is called). */
    Mono<State> markRendered(String campaignId, int batch, boolean lastBatch) {
        return MARK_RENDERED.<Object>run(redis, ScriptOutputType.MULTI, new String[] {StreamKeys.rendered(campaignId)},
                        Integer.toString(batch), lastBatch ? "1" : "0")
                .collectList()
                .map(values -> new State((Long) values.get(0), (Long) values.get(1)));
    }
}
