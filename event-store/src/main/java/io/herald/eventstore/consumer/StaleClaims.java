package io.herald.eventstore.consumer;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every {@code claimInterval}, takes over entries that consumers of the group left pending longer
 * than {@code claimIdle} ({@code XAUTOCLAIM}, page by page) and hands them on. A failed round is
 * logged and the next tick tries again. Thread-safe.
 */
final class StaleClaims {

    private static final Logger log = LoggerFactory.getLogger(StaleClaims.class);
    private static final int ROUNDS_PER_TICK = 10;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final ConsumerSettings settings;
    private final Consumer<String> self;
    private final ConsumerMetrics metrics;
    private final Function<List<StreamMessage<String, String>>, Mono<Void>> handleTaken;

    StaleClaims(RedisClusterReactiveCommands<String, String> redis, ConsumerSettings settings, ConsumerMetrics metrics,
                Function<List<StreamMessage<String, String>>, Mono<Void>> handleTaken) {
        this.redis = redis;
        this.settings = settings;
        this.self = Consumer.from(settings.group(), settings.consumer());
        this.metrics = metrics;
        this.handleTaken = handleTaken;
    }

    /** Starts the periodic claiming; dispose the result to stop it. */
    Disposable start() {
        return Flux.interval(settings.claimInterval(), settings.claimInterval(), Schedulers.parallel())
                .onBackpressureDrop()
                .concatMap(tick -> claim("0-0", ROUNDS_PER_TICK)
                        .onErrorResume(e -> {
                            log.warn("claiming on {} failed: {}", settings.stream(), e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    private Mono<Void> claim(String start, int rounds) {
        if (rounds == 0) {
            return Mono.empty();
        }
        var args = XAutoClaimArgs.Builder.xautoclaim(self, settings.claimIdle(), start).count(settings.batchSize());
        return redis.xautoclaim(settings.stream(), args).flatMap(claimed -> {
            List<StreamMessage<String, String>> messages = claimed.getMessages();
            metrics.claimed.increment(messages.size());
            if (!messages.isEmpty()) {
                log.info("consumer {} claimed {} stale entries on {}", settings.consumer(), messages.size(),
                        settings.stream());
            }
            Mono<Void> handled = handleTaken.apply(messages);
            return "0-0".equals(claimed.getId()) ? handled : handled.then(claim(claimed.getId(), rounds - 1));
        });
    }
}
