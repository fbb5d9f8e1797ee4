package io.herald.user.audience;

import java.util.List;

/**
 * The part of {@code campaign_campaign_created} (docs/design.md) that audience resolution
 * needs; other fields are ignored.
 *
 * @param channels the campaign's channels; empty means each recipient's own
 */
record CampaignCreated(String campaignId, String name, String category, String subject, String message,
                       List<String> channels) {

    CampaignCreated {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }
}
