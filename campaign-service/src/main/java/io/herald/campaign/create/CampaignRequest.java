package io.herald.campaign.create;

import java.util.List;

/**
 * A campaign as a client asks for it (docs/design.md §4). Every field is checked by
 * {@link CampaignRequestValidator}; {@code scheduledAt} is kept as text so that an unparsable value
 * is reported against its field.
 *
 * @param channels optional: restrict delivery to these channels
 * @param scheduledAt optional ISO-8601 instant with offset, in the future
 */
public record CampaignRequest(String name, String category, String subject, String message, List<String> channels,
                              String scheduledAt) {
}
