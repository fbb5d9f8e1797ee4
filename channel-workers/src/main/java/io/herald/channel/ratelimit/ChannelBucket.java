package io.herald.channel.ratelimit;

import io.herald.eventstore.LuaScript;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The rate limit of one channel in this process: waiters queue here (priority waiters first) and
 * one refill at a time asks the Redis token bucket for as many tokens as there are waiters (up to
 * a chunk), so that a busy channel costs one round trip per chunk, not one per message. When the
 * bucket is empty, the refill waits (a timer, no thread) until the bucket says tokens are back.
 * Thread-safe.
 */
final class ChannelBucket {

    private static final LuaScript TAKE = LuaScript.fromClasspath("io/herald/channel/ratelimit/token-bucket.lua");

    private final RedisClusterReactiveCommands<String, String> redis;
    private final String[] keys;
    private final String rate;
    private final String burst;
    private final int chunk;
    private final Deque<MonoSink<Void>> priorityWaiters = new ArrayDeque<>();
    private final Deque<MonoSink<Void>> waiters = new ArrayDeque<>();
    private long tokens;
    private boolean refilling;

    /**
     * @param perSecond messages per second, positive
     */
    ChannelBucket(RedisClusterReactiveCommands<String, String> redis, String key, int perSecond) {
        this.redis = redis;
        this.keys = new String[] {key};
        this.rate = Integer.toString(perSecond);
        // a tenth of a second of burst; ask for at most 20 ms worth at a time so that instances share fairly
        int burstTokens = Math.max(1, perSecond / 10);
        this.burst = Integer.toString(burstTokens);
        this.chunk = Math.max(1, Math.min(burstTokens, perSecond / 50));
    }

    /** Completes when the caller may send one message; priority callers are served first. */
    Mono<Void> acquire(boolean priority) {
        return Mono.create(sink -> {
            boolean queued;
            boolean startRefill = false;
            synchronized (this) {
                queued = tokens <= 0 || !priorityWaiters.isEmpty() || !waiters.isEmpty();
                if (queued) {
                    (priority ? priorityWaiters : waiters).add(sink);
                    sink.onCancel(() -> forget(sink));
                    startRefill = !refilling;
                    refilling = true;
                } else {
                    tokens--;
                }
            }
            if (!queued) {
                sink.success();
            } else if (startRefill) {
                refill();
            }
        });
    }

    private synchronized void forget(MonoSink<Void> sink) {
        priorityWaiters.remove(sink);
        waiters.remove(sink);
    }

    private void refill() {
        int wanted;
        synchronized (this) {
            wanted = Math.min(chunk, priorityWaiters.size() + waiters.size());
            if (wanted == 0) {
                refilling = false;
                return;
            }
        }
        TAKE.runForList(redis, keys, rate, burst, Integer.toString(wanted))
                .subscribe(reply -> granted((Long) reply.get(0), (Long) reply.get(1)), this::failWaiters);
    }

    private void granted(long granted, long waitMillis) {
        List<MonoSink<Void>> ready = new ArrayList<>();
        boolean more;
        synchronized (this) {
            tokens += granted;
            while (tokens > 0 && (!priorityWaiters.isEmpty() || !waiters.isEmpty())) {
                ready.add(priorityWaiters.isEmpty() ? waiters.poll() : priorityWaiters.poll());
                tokens--;
            }
            more = !priorityWaiters.isEmpty() || !waiters.isEmpty();
            refilling = more;
        }
        ready.forEach(MonoSink::success);
        if (more) {
            Mono.delay(Duration.ofMillis(waitMillis))
                    .subscribe(tick -> refill(), this::failWaiters);
        }
    }

    /** Redis did not answer: the waiting sends fail as temporary failures and are retried later. */
    private void failWaiters(Throwable error) {
        List<MonoSink<Void>> failed = new ArrayList<>();
        synchronized (this) {
            failed.addAll(priorityWaiters);
            failed.addAll(waiters);
            priorityWaiters.clear();
            waiters.clear();
            refilling = false;
        }
        failed.forEach(sink -> sink.error(error));
    }
}
