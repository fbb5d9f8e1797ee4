package io.herald.channel.push;

import io.herald.channel.delivery.ChannelSender;
import io.herald.channel.delivery.Notification;
import io.herald.channel.delivery.SendResult;
import io.herald.channel.delivery.StructuredLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code push} channel: no provider is called; each notification is one structured line on
 * logger {@code herald.delivery.push} ({@code notificationId=… to=<device token> title=… body=…}),
 * which is its delivery. A real push provider replaces this class behind the same contract.
 */
@Component
class PushSender implements ChannelSender {

    private static final Logger delivery = LoggerFactory.getLogger("herald.delivery.push");

    @Override
    public String channel() {
        return "push";
    }

    @Override
    public Mono<SendResult> send(Notification notification) {
        return Mono.fromSupplier(() -> {
            delivery.info(StructuredLog.line("notificationId", notification.notificationId(),
                    "to", notification.to(), "title", notification.subject(), "body", notification.body()));
            return SendResult.delivered();
        }).subscribeOn(Schedulers.boundedElastic()); // a log write may block: keep it off the Redis event loop
    }
}
