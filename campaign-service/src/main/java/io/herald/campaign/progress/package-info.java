/** Following a campaign live: the server-sent progress stream and the broadcast that feeds it. */
package io.herald.campaign.progress;
