package io.herald.channel.delivery;

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
}
