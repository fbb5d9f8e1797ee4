package io.herald.channel.sms;

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
 * The {@code sms} channel: no provider is called; each notification is one structured line on
 * logger {@code herald.delivery.sms} ({@code notificationId=… to=… text=…}), which is its delivery.
 * A real SMS provider replaces this class behind the same {@link ChannelSender} contract.
 */
@Component
class SmsSender implements ChannelSender {

    private static final Logger delivery = LoggerFactory.getLogger("herald.delivery.sms");

    @Override
    public String channel() {
        return "sms";
    }

    @Override
    public Mono<SendResult> send(Notification notification) {
        return Mono.fromSupplier(() -> {
            delivery.info(StructuredLog.line("notificationId", notification.notificationId(),
                    "to", notification.to(), "text", notification.body()));
            return SendResult.delivered();
        }).subscribeOn(Schedulers.boundedElastic()); // a log write may block: keep it off the Redis event loop
    }
}
