package io.herald.eventstore.consumer;

import static io.herald.eventstore.consumer.ConsumerHarness.delivered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.RealRedisCluster;
import io.herald.testsupport.RedisClusterProcess;
import io.herald.testsupport.TestRedis;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A resharding during delivery: the slot of a channel partition moves to another master, key by
 * key, while entries are appended and two consumers deliver them. Lettuce follows the redirects,
 * {@code LuaScript} retries {@code TRYAGAIN}, and the books stay exact.
 */
@RealRedisCluster
class ReshardingOnClusterIntegrationTests extends ConsumerTestBase {

    private static final String STREAM = "notify:email:1";
    private static final int BATCHES = 40;
    private static final int PER_BATCH = 50;

    @Test
    void movingThePartitionsSlotDuringDeliveryLosesNothingAndCountsNothingTwice(TestRedis redis) {
        RedisClusterProcess cluster = (RedisClusterProcess) redis;
        int slot = SlotHash.getSlot(STREAM);
        int before = cluster.ownerOf(slot);
        int target = cluster.masterPorts().stream().filter(port -> port != before).findFirst().orElseThrow();
        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        EntryHandler handler = entry -> Mono.fromCallable(() -> {
            handled.computeIfAbsent(entry.envelope().id(), id -> new AtomicInteger()).incrementAndGet();
            return delivered(entry);
        });
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-1"), handler);
        harness.start(ConsumerHarness.fast(STREAM, GROUP, "worker-2"), handler);
        harness.append(STREAM, 0, PER_BATCH); // the group and the first keys exist before the move
        Disposable appending = Flux.range(1, BATCHES - 1)
                .concatMap(batch -> Mono.fromRunnable(() -> harness.append(STREAM, batch * PER_BATCH, PER_BATCH))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(Mono.delay(Duration.ofMillis(50))))
                .subscribe();

        assertThat(cluster.moveSlot(slot, target, Duration.ofMillis(150))).isEqualTo(before);

        int total = BATCHES * PER_BATCH;
        await().atMost(Duration.ofSeconds(90)).until(() -> harness.deliveredCount(STREAM) == total);
        await().atMost(Duration.ofSeconds(30)).until(() -> harness.pending(STREAM, GROUP) == 0);
        appending.dispose();
        assertThat(cluster.ownerOf(slot)).isEqualTo(target);
        assertThat(harness.deliveredRecords(STREAM)).hasSize(total);
        assertThat(harness.redis().xlen(STREAM)).isEqualTo(total);
        assertThat(handled).hasSize(total);
        assertThat(harness.redis().exists(StreamKeys.retries(STREAM, GROUP))).isZero();
    }
}
