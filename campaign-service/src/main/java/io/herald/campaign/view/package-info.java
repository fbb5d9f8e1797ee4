/** How the API shows a campaign: projection plus the progress counters of its channels. */
package io.herald.campaign.view;
