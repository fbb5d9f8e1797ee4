package io.herald.channel.delivery;

import io.herald.kit.UnsubscribeLinks;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe link of a notification, for the senders to put in what they send: only campaign
 * notifications that name their category get one (transactional ones are not subject to category
 * opt-outs), and none when no unsubscribe secret is configured. Thread-safe.
 */
@Component
public class OptOutLinks {

    private final UnsubscribeLinks links;

    OptOutLinks(UnsubscribeLinks links) {
        this.links = links;
        if (!links.enabled()) {
            LoggerFactory.getLogger(OptOutLinks.class).warn("No unsubscribe secret (HERALD_UNSUBSCRIBE_SECRET) nor API "
                    + "key: campaign mail goes out without List-Unsubscribe links");
        }
    }

    /** {@code <public-url>/unsubscribe/<token>} for the notification's recipient and category, or null. */
    public String urlFor(Notification notification) {
        if (!links.enabled() || notification.transactional() || notification.category() == null
                || notification.category().isBlank() || notification.userId() == null) {
            return null;
        }
        return links.url(notification.userId(), notification.category());
    }
}
