/** A campaign's history: the projection campaign:<id> folded from events, the per-campaign event index, the consumers (group campaign-service on campaigns and audiences) that keep both, and rebuilding them from the streams. */
package io.herald.campaign.history;
