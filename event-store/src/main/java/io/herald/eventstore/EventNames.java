package io.herald.eventstore;

/**
 * Event names, {@code <service>_<scope>_<type>} in lower snake case and past tense (docs/design.md §2).
 * Each service publishes only its own names.
 */
public final class EventNames {

    // campaign-service → campaigns
    public static final String CAMPAIGN_CREATED = "campaign_campaign_created";
    public static final String CAMPAIGN_SCHEDULED = "campaign_campaign_scheduled";
    public static final String CAMPAIGN_CANCELLED = "campaign_campaign_cancelled";
    /** The first audience batch of a campaign was seen: notifications are being dispatched. */
    public static final String CAMPAIGN_DISPATCHING = "campaign_campaign_dispatching";
    /** Every targeted notification of a campaign is delivered, failed, dead-lettered or cancelled. */
    public static final String CAMPAIGN_COMPLETED = "campaign_campaign_completed";

    // user-service → users, audiences
    public static final String USER_CREATED = "user_user_created";
    public static final String USER_UPDATED = "user_user_updated";
    public static final String USER_DELETED = "user_user_deleted";
    public static final String AUDIENCE_RESOLVED = "user_audience_resolved";

    // notification-service → notify:<channel>
    public static final String MESSAGE_QUEUED = "notification_message_queued";

    // channel-workers HTTP queue API → queue:<name>
    public static final String QUEUE_MESSAGE_PUBLISHED = "queue_message_published";

    private EventNames() {
    }
}
