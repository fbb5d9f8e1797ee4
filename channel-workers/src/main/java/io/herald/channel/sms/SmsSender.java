package io.herald.channel.sms;

import io.herald.channel.delivery.LogLineSender;
import io.herald.channel.delivery.Notification;
import io.herald.channel.delivery.OptOutLinks;
import io.herald.kit.logging.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The {@code sms} channel: each notification is one line on logger {@code herald.delivery.sms}
 * ({@code notificationId=… to=<masked number> text=…}), which is its delivery. With
 * {@code herald.sms.opt-out-line} set, a campaign SMS ends with that line, {@code {url}} replaced by
 * the recipient's unsubscribe link.
 */
@Component
class SmsSender extends LogLineSender {

    private final OptOutLinks optOut;
    private final String optOutLine;

    SmsSender(OptOutLinks optOut, SmsProperties properties) {
        super("sms");
        this.optOut = optOut;
        this.optOutLine = properties.optOutLine() == null ? "" : properties.optOutLine().strip();
    }

    @Override
    protected String[] fields(Notification notification) {
        return new String[] {"notificationId", notification.notificationId(),
                "to", PersonalData.recipient(notification.to()),
                "text", text(notification)};
    }

    private String text(Notification notification) {
        String url = optOutLine.isEmpty() ? null : optOut.urlFor(notification);
        if (url == null) {
            return notification.body();
        }
        return (notification.body() == null ? "" : notification.body()) + " " + optOutLine.replace("{url}", url);
    }
}
