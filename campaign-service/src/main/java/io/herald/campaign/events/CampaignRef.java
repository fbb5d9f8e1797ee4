package io.herald.campaign.events;

/** The one field every campaign event carries: which campaign it is about. */
public record CampaignRef(String campaignId) {
}
