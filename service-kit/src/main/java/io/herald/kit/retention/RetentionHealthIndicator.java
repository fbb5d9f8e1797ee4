package io.herald.kit.retention;

import io.herald.eventstore.retention.StreamTrimmer;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code retention} component of {@code /actuator/health}: Redis memory (used, max, policy),
 * the stream entries still held for some consumer group, and each {@link RetentionBacklog}'s
 * details. Always UP when Redis answers: a full Redis refuses writes (503) but Herald keeps
 * running and resumes by itself, so it is no reason to restart or unroute a service.
 */
final class RetentionHealthIndicator extends AbstractReactiveHealthIndicator {

    private final RedisMemory memory;
    private final StreamTrimmer trimmer;
    private final List<RetentionBacklog> backlogs;

    RetentionHealthIndicator(RedisMemory memory, StreamTrimmer trimmer, List<RetentionBacklog> backlogs) {
        super("retention check failed");
        this.memory = memory;
        this.trimmer = trimmer;
        this.backlogs = backlogs;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return memory.sample().flatMap(sample -> {
            builder.up()
                    .withDetail("usedMemory", sample.used())
                    .withDetail("maxMemory", sample.max())
                    .withDetail("maxMemoryPolicy", sample.policy())
                    .withDetail("full", sample.max() > 0 && sample.used() >= sample.max())
                    .withDetail("trimmedStreams", trimmer.streams().size())
                    .withDetail("streamEntriesAwaitingAcknowledgement", trimmer.backlog());
            return Flux.fromIterable(backlogs)
                    .concatMap(RetentionBacklog::details)
                    .doOnNext(builder::withDetails)
                    .then(Mono.fromSupplier(builder::build));
        });
    }
}
