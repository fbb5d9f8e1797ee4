package io.herald.channel.delivery;

/**
 * What a {@link ChannelSender} reports for a notification it could settle. A <em>temporary</em>
 * failure (provider unreachable, SMTP 4xx, timeout) is not a result: the sender signals it as an
 * error, and the worker retries with backoff until the attempts are used up (then dead letter).
 */
public sealed interface SendResult {

    /** The provider accepted the notification. */
    static SendResult delivered() {
        return Delivered.INSTANCE;
    }

    /**
     * The provider refused it for good (e.g. SMTP 5xx for the recipient, malformed address):
     * recorded as {@code FAILED} with {@code reason}, never retried.
     */
    static SendResult rejected(String reason) {
        return new Rejected(reason);
    }

    enum Delivered implements SendResult { INSTANCE }

    record Rejected(String reason) implements SendResult {
    }
}
