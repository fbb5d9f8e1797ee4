package io.herald.campaign.store;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One event of a campaign as the API shows it; an audience batch shows its recipient count. */
public record HistoryEvent(String event, String id, Instant occurredAt, String stream, String entryId,
                           JsonNode data) {
}
