package io.herald.notification.bulk;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import reactor.core.publisher.Mono;

/**
 * The {@code rendered:<campaignId>} record: how many distinct audience batches are rendered and
 * which is the last, so that campaign-service knows when the {@code targeted} counters are final
 * ({@code batches == lastBatch + 1}). Thread-safe.
 */
final class RenderedCampaigns {

    private static final LuaScript MARK_RENDERED = LuaScript.fromClasspath("io/herald/notification/mark-rendered.lua");

    private final RedisClusterReactiveCommands<String, String> redis;

    RenderedCampaigns(RedisClusterReactiveCommands<String, String> redis) {
        this.redis = redis;
    }

    /**
     * Counts batch {@code batch} as rendered (once, however often it is called); emits whether the
     * campaign is now fully rendered.
     */
    Mono<Boolean> markRendered(String campaignId, int batch, boolean lastBatch) {
        return MARK_RENDERED.<Long>run(redis, ScriptOutputType.INTEGER, new String[] {StreamKeys.rendered(campaignId)},
                        Integer.toString(batch), lastBatch ? "1" : "0")
                .next()
                .map(complete -> complete == 1L);
    }
}
