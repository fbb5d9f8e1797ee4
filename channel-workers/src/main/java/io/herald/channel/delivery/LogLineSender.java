package io.herald.channel.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A channel whose delivery is one structured log line per notification on logger
 * {@code herald.delivery.<channel>} (no provider is called). A real provider replaces the
 * subclass behind the same {@link ChannelSender} contract.
 */
public abstract class LogLineSender implements ChannelSender {

    private final String channel;
    private final Logger delivery;

    protected LogLineSender(String channel) {
        this.channel = channel;
        this.delivery = LoggerFactory.getLogger("herald.delivery." + channel);
    }

    /** The line's {@code key, value} pairs for one notification. */
    protected abstract String[] fields(Notification notification);

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public Mono<SendResult> send(Notification notification) {
        return Mono.fromSupplier(() -> deliver(notification))
                .subscribeOn(Schedulers.boundedElastic()); // a log write may block: keep it off the Redis event loop
    }

    /**
     * The whole batch in one hop to a blocking-safe thread: a log line is too cheap to hop per line.
     * Each result is emitted as soon as its line is written, so that the batch is settled in slices
     * while the rest is still being written.
     */
    @Override
    public Flux<Sent> sendAll(List<Notification> notifications, int concurrency) {
        return Flux.fromIterable(notifications)
                .map(notification -> Sent.result(notification, deliver(notification)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private SendResult deliver(Notification notification) {
        delivery.info(StructuredLog.line(fields(notification)));
        return SendResult.delivered();
    }
}
