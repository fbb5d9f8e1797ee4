package io.herald.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.RedisConnections;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;

/** What a lane of a service's {@link RedisConnections} must be, on one Redis and on a cluster alike. */
final class LaneChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private LaneChecks() {
    }

    /**
     * The lane reaches the same Redis as the service's connections, as the same ACL user, with the
     * same client options, and its replies arrive on I/O threads of its own.
     */
    static void laneIsLikeTheServicesConnectionsOnThreadsOfItsOwn(RedisConnections connections) {
        RedisConnections lane = connections.lane();
        lane.commands().set("lane-check", "written by the lane").block(TIMEOUT);
        assertThat(connections.commands().get("lane-check").block(TIMEOUT)).isEqualTo("written by the lane");
        assertThat(lane.commands().aclWhoami().block(TIMEOUT)).isEqualTo(connections.commands().aclWhoami().block(TIMEOUT));

        // threads of one pool are named <prefix>-<pool>-<thread>: another pool, not just another thread
        assertThat(pools(replyThreads(lane))).isNotEmpty().doesNotContainAnyElementsOf(pools(replyThreads(connections)));
    }

    static Set<String> pools(Set<Thread> threads) {
        return threads.stream().map(thread -> thread.getName().replaceFirst("-\\d+$", "")).collect(Collectors.toSet());
    }

    private static Set<Thread> replyThreads(RedisConnections connections) {
        return Flux.range(0, 300)
                .flatMap(i -> connections.commands().get("lane-check").map(value -> Thread.currentThread()))
                .collect(Collectors.toSet())
                .block(TIMEOUT);
    }
}
