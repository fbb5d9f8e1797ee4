package io.herald.channel.push;

import io.herald.channel.delivery.LogLineSender;
import io.herald.channel.delivery.Notification;
import io.herald.kit.logging.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The {@code push} channel: each notification is one line on logger {@code herald.delivery.push}
 * ({@code notificationId=… to=<masked device token> title=… body=…}), which is its delivery.
 */
@Component
class PushSender extends LogLineSender {

    PushSender() {
        super("push");
    }

    @Override
    protected String[] fields(Notification notification) {
        return new String[] {"notificationId", notification.notificationId(), "to", PersonalData.recipient(notification.to()),
                "title", notification.subject(), "body", notification.body()};
    }
}
