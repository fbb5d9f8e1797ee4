package io.herald.channel;

import io.herald.channel.delivery.ChannelSender;
import io.herald.channel.delivery.Notification;
import io.herald.channel.delivery.SendResult;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * A channel that exists only in the tests, to prove that a new channel is one {@link ChannelSender}
 * class plus its name in {@code herald.channels}. It "sends" by counting, and can be told to be
 * slow, to hold some sends until released, to reject some recipients for good, or to fail some
 * temporarily.
 */
public class WebhookSender implements ChannelSender {

    public static final String CHANNEL = "webhook";

    private final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> rejected = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failFirst = new ConcurrentHashMap<>();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Sinks.Empty<Void> released = Sinks.empty();
    private volatile Duration delay = Duration.ZERO;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Mono<SendResult> send(Notification notification) {
        Mono<SendResult> result = Mono.fromSupplier(() -> {
            int call = calls.computeIfAbsent(notification.to(), to -> new AtomicInteger()).incrementAndGet();
            if (rejected.contains(notification.to())) {
                return SendResult.rejected("410 endpoint gone: " + notification.to());
            }
            if (call <= failFirst.getOrDefault(notification.to(), 0)) {
                throw new IllegalStateException("503 endpoint unavailable (call " + call + ")");
            }
            sends.computeIfAbsent(notification.notificationId(), id -> new AtomicInteger()).incrementAndGet();
            return SendResult.delivered();
        });
        Mono<SendResult> delayed = delay.isZero() ? result : Mono.delay(delay).then(result);
        return held.contains(notification.to()) ? released.asMono().then(delayed) : delayed;
    }

    /** Sends to {@code to} wait until {@link #release()} (they stay in flight, holding their batch open). */
    public void hold(String to) {
        held.add(to);
    }

    /** Lets every held send go on. */
    public void release() {
        released.tryEmitEmpty();
    }

    /** Each send takes this long (a timer, no thread). */
    public void delay(Duration value) {
        delay = value;
    }

    /** Sends to {@code to} are refused for good. */
    public void reject(String to) {
        rejected.add(to);
    }

    /** The first {@code calls} sends to {@code to} fail temporarily; {@link Integer#MAX_VALUE} for always. */
    public void failFirst(String to, int calls) {
        failFirst.put(to, calls);
    }

    /** Successful sends per notification id. */
    public Map<String, AtomicInteger> sends() {
        return sends;
    }

    public int sendCount() {
        return sends.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Send calls (successful or not) for one recipient. */
    public int calls(String to) {
        AtomicInteger count = calls.get(to);
        return count == null ? 0 : count.get();
    }
}
