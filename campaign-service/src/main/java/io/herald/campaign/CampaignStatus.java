package io.herald.campaign;

/**
 * Where a campaign stands (docs/design.md §4). The order is the lifecycle: a campaign only moves forward,
 * and {@link #COMPLETED} and {@link #CANCELLED} are final.
 *
 * <ul>
 *   <li>{@code SCHEDULED}: waiting for its {@code scheduledAt}.</li>
 *   <li>{@code ACCEPTED}: {@code campaign_campaign_created} is in the {@code campaigns} stream.</li>
 *   <li>{@code RESOLVING}: user-service's consumer group has read that entry (its
 *       last-delivered id passed it) and no audience batch is out yet.</li>
 *   <li>{@code DISPATCHING}: the first audience batch was seen.</li>
 *   <li>{@code COMPLETED}: rendering is final and every targeted notification is delivered,
 *       failed, dead-lettered or cancelled.</li>
 *   <li>{@code CANCELLED}: cancelled by {@code DELETE}.</li>
 * </ul>
 */
public enum CampaignStatus {
    SCHEDULED, ACCEPTED, RESOLVING, DISPATCHING, COMPLETED, CANCELLED;

    public boolean terminal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
