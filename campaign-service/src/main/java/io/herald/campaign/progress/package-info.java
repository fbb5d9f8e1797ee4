/** Progress and completion: the checker that ticks over active campaigns, completes them exactly once and feeds the server-sent progress stream. */
package io.herald.campaign.progress;
