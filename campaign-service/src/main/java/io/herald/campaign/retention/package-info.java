/**
 * Retention of campaigns: the per-notification records of a campaign expire
 * {@code herald.retention.after-completion} after it ended, its final counters are kept with the
 * projection, and its event history stays (docs/design.md §9).
 */
package io.herald.campaign.retention;
