package io.herald.notification.bulk;

import io.herald.eventstore.MalformedEntryException;
import io.herald.notification.render.Recipient;
import java.util.List;

/**
 * The payload of {@code user_audience_resolved} (docs/design.md): one batch of a campaign's
 * recipients, with the campaign's texts copied in so that rendering needs nothing but the stream.
 *
 * @param channels the campaign's channels; empty when each recipient's own channels apply
 * @param batch the batch number, from 0
 * @param lastBatch whether this is the campaign's last batch
 */
record AudienceResolved(String campaignId, List<String> channels, List<Recipient> recipients, Integer batch,
                        boolean lastBatch, String subject, String message, String campaignName) {

    AudienceResolved {
        channels = channels == null ? List.of() : channels;
        recipients = recipients == null ? List.of() : recipients;
    }

    /**
     * Checks what rendering relies on.
     *
     * @throws MalformedEntryException when the campaign id or the batch number is missing, or a
     *     recipient has no user id — such a batch can never be rendered, so it is dead-lettered
     */
    AudienceResolved validated() {
        if (campaignId == null || campaignId.isBlank()) {
            throw new MalformedEntryException("audience batch without campaignId");
        }
        if (batch == null || batch < 0) {
            throw new MalformedEntryException("audience batch of campaign " + campaignId + " without a valid batch number");
        }
        for (Recipient recipient : recipients) {
            if (recipient == null || recipient.userId() == null || recipient.userId().isBlank()) {
                throw new MalformedEntryException("audience batch " + batch + " of campaign " + campaignId
                        + " has a recipient without userId");
            }
        }
        return this;
    }
}
