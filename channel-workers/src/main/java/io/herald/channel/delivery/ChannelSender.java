package io.herald.channel.delivery;

import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery SPI: one implementation per channel. A new channel is one Spring bean of this type
 * plus its name in {@code herald.channels}; the workers then read its streams
 * ({@code notify:<channel>…}) and hand it every notification queued there.
 *
 * <p>Contract of {@link #send}: it must not block the calling thread (run blocking provider calls
 * on a bounded scheduler of its own); it may be called concurrently and more than once for the same
 * notification (at-least-once delivery: after a crash or a claim), so pass
 * {@link Notification#notificationId()} to the provider as an idempotency key where it has one.
 */
public interface ChannelSender {

    /** The channel name, as in {@code herald.channels} and the stream keys. */
    String channel();

    /**
     * Sends one notification. Emits {@link SendResult#delivered()} or
     * {@link SendResult#rejected(String)} (permanent failure); an error signal means a temporary
     * failure that is retried with backoff.
     */
    Mono<SendResult> send(Notification notification);

    /**
     * Sends a batch; emits one {@link Sent} per notification, in any order. The default calls
     * {@link #send} for each, {@code concurrency} at a time. Override it when the provider takes
     * many messages per call (push multicast, SMS batch APIs) or when a send is too cheap to be
     * worth a scheduler hop of its own (the log senders). Same contract as {@link #send} otherwise.
     */
    default Flux<Sent> sendAll(List<Notification> notifications, int concurrency) {
        return Flux.fromIterable(notifications).flatMap(notification -> Mono.defer(() -> send(notification))
                .map(result -> Sent.result(notification, result))
                .onErrorResume(error -> Mono.just(Sent.error(notification, error))), concurrency);
    }

    /**
     * What became of one notification of {@link #sendAll}: a {@link SendResult}, or the error of a
     * temporary failure (retried with backoff).
     */
    record Sent(Notification notification, SendResult result, Throwable error) {

        public static Sent result(Notification notification, SendResult result) {
            return new Sent(notification, result, null);
        }

        public static Sent error(Notification notification, Throwable error) {
            return new Sent(notification, null, error);
        }
    }
}
