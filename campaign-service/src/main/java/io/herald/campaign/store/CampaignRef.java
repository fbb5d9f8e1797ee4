package io.herald.campaign.store;

/** The one field every campaign event carries: which campaign it is about. */
record CampaignRef(String campaignId) {
}
