package io.herald.channel.sms;

import io.herald.channel.delivery.LogLineSender;
import io.herald.channel.delivery.Notification;
import io.herald.kit.logging.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The {@code sms} channel: each notification is one line on logger {@code herald.delivery.sms}
 * ({@code notificationId=… to=<masked number> text=…}), which is its delivery.
 */
@Component
class SmsSender extends LogLineSender {

    SmsSender() {
        super("sms");
    }

    @Override
    protected String[] fields(Notification notification) {
        return new String[] {"notificationId", notification.notificationId(), "to", PersonalData.recipient(notification.to()),
                "text", notification.body()};
    }
}
