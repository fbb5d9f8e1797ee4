/** Reading campaigns: one, a newest-first list, a campaign's events; rebuilding a projection on demand. */
package io.herald.campaign.query;
