package io.herald.channel.delivery;

/**
 * The outcome record of one notification, stored as JSON in
 * {@code delivered:{<stream>}:<campaignId>} (docs/design.md).
 *
 * @param status {@code DELIVERED}, {@code FAILED}, {@code DEAD_LETTERED}, {@code CANCELLED} or
 *     {@code SKIPPED} (not sent: the recipient was gone, or no longer wanted the category or channel)
 * @param attempts delivery attempts made, this one included
 * @param at when it was settled (ISO-8601)
 * @param error why it failed, else {@code null}
 */
record Outcome(String status, int attempts, String at, String error) {

    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    static final String DEAD_LETTERED = "DEAD_LETTERED";
    static final String CANCELLED = "CANCELLED";
    static final String SKIPPED = "SKIPPED";

    /** The progress counter this status adds to. */
    String counter() {
        return switch (status) {
            case DELIVERED -> "delivered";
            case FAILED -> "failed";
            case DEAD_LETTERED -> "deadLettered";
            case CANCELLED -> "cancelled";
            case SKIPPED -> "skipped";
            default -> throw new IllegalStateException("unknown status " + status);
        };
    }
}
