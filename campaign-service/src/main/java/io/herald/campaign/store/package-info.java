/**
 * The campaign store, the core of campaign-service: a campaign is a series of events in the
 * {@code campaigns} stream (plus its batches on {@code audiences}); {@code campaign:<id>} is a
 * projection of them with a per-campaign event index, kept by the history consumers and rebuildable
 * at any time. The features reach it through {@link io.herald.campaign.store.CampaignLedger}
 * (the atomic steps that append a campaign's own events), {@link io.herald.campaign.store.Campaigns}
 * and {@link io.herald.campaign.store.CampaignViews} (reads); the rest is package-private.
 */
package io.herald.campaign.store;
