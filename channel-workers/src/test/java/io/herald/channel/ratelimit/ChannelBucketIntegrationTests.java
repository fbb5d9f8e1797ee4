package io.herald.channel.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.eventstore.RedisConnections;
import io.herald.testsupport.RealRedis;
import io.herald.testsupport.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RealRedis
class ChannelBucketIntegrationTests {

    @Test
    void twoInstancesSharingABucketTogetherStayWithinTheRateAndBothGetTheirShare(TestRedis redis) {
        int rate = 500;
        try (RedisConnections one = RedisConnections.create(redis.url());
             RedisConnections two = RedisConnections.create(redis.url())) {
            ChannelBucket first = new ChannelBucket(one.commands(), "rate-limit:{notify:test-a}", rate);
            ChannelBucket second = new ChannelBucket(two.commands(), "rate-limit:{notify:test-a}", rate);
            AtomicInteger byFirst = new AtomicInteger();
            AtomicInteger bySecond = new AtomicInteger();
            long start = System.nanoTime();

            Flux.merge(permits(first, byFirst, 1000), permits(second, bySecond, 1000))
                    .take(Duration.ofSeconds(3)).blockLast(Duration.ofSeconds(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            int total = byFirst.get() + bySecond.get();
            // the ceiling holds on any machine (a slow one hands out fewer permits, never more);
            // how close to the rate the instances get is a figure for the bench, not a test
            assertThat(total).isLessThanOrEqualTo((int) (rate * seconds) + rate / 10);
            assertThat(byFirst.get()).as("first instance's permits").isPositive();
            assertThat(bySecond.get()).as("second instance's permits").isPositive();
        }
    }

    @Test
    void aPriorityWaiterGoesBeforeBulkWaitersThatQueuedEarlier(TestRedis redis) {
        try (RedisConnections connections = RedisConnections.create(redis.url())) {
            ChannelBucket bucket = new ChannelBucket(connections.commands(), "rate-limit:{notify:test-b}", 100);
            AtomicLong order = new AtomicLong();
            List<Mono<Long>> bulk = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                bulk.add(bucket.acquire(false).then(Mono.fromSupplier(order::incrementAndGet)).cache());
            }
            bulk.forEach(Mono::subscribe);
            Mono<Long> urgent = bucket.acquire(true).then(Mono.fromSupplier(order::incrementAndGet)).cache();
            urgent.subscribe();

            long urgentPosition = urgent.block(Duration.ofSeconds(10));
            System.out.printf("RATE: the priority waiter was served as number %d of 101%n", urgentPosition);
            assertThat(urgentPosition).isLessThan(30);
            Flux.concat(bulk).blockLast(Duration.ofSeconds(10));
        }
    }

    private static Flux<Long> permits(ChannelBucket bucket, AtomicInteger counter, int waiters) {
        return Flux.range(0, Integer.MAX_VALUE)
                .flatMap(i -> bucket.acquire(false).then(Mono.fromSupplier(() -> (long) counter.incrementAndGet())),
                        waiters);
    }
}
