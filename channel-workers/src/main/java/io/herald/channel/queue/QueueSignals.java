package io.herald.channel.queue;

import io.herald.channel.ChannelKeys;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Wake-ups for long-polling fetchers: publish and requeue announce on the queue's pub/sub channel
 * (from whichever instance), and every waiter of this process on that queue is woken. A queue's
 * channel is subscribed the first time someone waits on it, then kept.
 *
 * <p>Closes its subscriptions when the application stops, before the Redis connections close.
 *
 * <p>Use: read {@link #version}, try to fetch, and when nothing came wait on
 * {@link #after(String, long)} with that version: a signal between the two is not lost.
 * Thread-safe.
 */
@Component
final class QueueSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueSignals.class);

    private final ReactiveRedisMessageListenerContainer container;
    private final Map<String, Mono<Void>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Waiters> waiters = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Opens one pub/sub connection for the whole process, closed when the application stops. */
    QueueSignals(ReactiveRedisConnectionFactory factory) {
        this.container = new ReactiveRedisMessageListenerContainer(factory);
    }

    /** Completes once this process receives the queue's signals (at once after the first time). */
    Mono<Void> watch(String queue) {
        return subscriptions.computeIfAbsent(queue, this::subscribe);
    }

    private Mono<Void> subscribe(String queue) {
        return container.receiveLater(ChannelTopic.of(ChannelKeys.queueSignal(queue)))
                .doOnNext(messages -> messages.subscribe(message -> signal(queue), error -> {
                    if (running) {
                        // waiters still wake at their lease or wait timers; the next watch subscribes again
                        subscriptions.remove(queue);
                        log.warn("signals of queue {} stopped: {}", queue, error.toString());
                    }
                }))
                .then()
                .onErrorResume(error -> {
                    subscriptions.remove(queue);
                    return Mono.error(error);
                })
                .cache();
    }

    /** How many signals of this queue this process has seen. */
    long version(String queue) {
        return waiters(queue).version.get();
    }

    /** Completes at the first signal of the queue after {@code version}, at once if it came already. */
    Mono<Void> after(String queue, long version) {
        Waiters queueWaiters = waiters(queue);
        return Mono.create(sink -> {
            queueWaiters.sinks.add(sink);
            sink.onDispose(() -> queueWaiters.sinks.remove(sink));
            if (queueWaiters.version.get() != version) {
                sink.success();
            }
        });
    }

    /** Wakes every waiter of the queue in this process. */
    void signal(String queue) {
        Waiters queueWaiters = waiters(queue);
        queueWaiters.version.incrementAndGet();
        queueWaiters.sinks.forEach(MonoSink::success);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        subscriptions.clear();
        container.destroy();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops with the stream consumers, before the Redis connection factory. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1000;
    }

    private Waiters waiters(String queue) {
        return waiters.computeIfAbsent(queue, q -> new Waiters());
    }

    private static final class Waiters {
        final AtomicLong version = new AtomicLong();
        final Set<MonoSink<Void>> sinks = ConcurrentHashMap.newKeySet();
    }
}
