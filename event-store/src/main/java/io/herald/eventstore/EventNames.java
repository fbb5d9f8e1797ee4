package io.herald.eventstore;

/**
 * Event names, {@code <service>_<scope>_<type>} in lower snake case and past tense (DESIGN §2).
 * Each service publishes only its own names.
 */
public final class EventNames {

    // campaign-service → campaigns
    public static final String CAMPAIGN_CREATED = "campaign_campaign_created";
    public static final String CAMPAIGN_SCHEDULED = "campaign_campaign_scheduled";
    public static final String CAMPAIGN_CANCELLED = "campaign_campaign_cancelled";

    // user-service → users, audiences
    public static final String USER_CREATED = "user_user_created";
    public static final String USER_UPDATED = "user_user_updated";
    public static final String USER_DELETED = "user_user_deleted";
    public static final String AUDIENCE_RESOLVED = "user_audience_resolved";

    // notification-service → notify:<channel>
    public static final String MESSAGE_QUEUED = "notification_message_queued";

    private EventNames() {
    }
}
