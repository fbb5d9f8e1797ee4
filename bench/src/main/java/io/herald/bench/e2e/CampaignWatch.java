package io.herald.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * One campaign followed from its POST: polls {@code GET /api/v1/campaigns/{id}} and notes when
 * each status was first seen. Polling tolerates failures (a service or Redis may be down on
 * purpose during a drill).
 */
public final class CampaignWatch {

    private static final Duration POLL = Duration.ofMillis(100);

    private final HeraldApi api;
    private final String id;
    private final Instant posted;
    private final long postedNanos;
    private final Map<String, Duration> firstSeen = new LinkedHashMap<>();
    private JsonNode last;

    private CampaignWatch(HeraldApi api, String id, Instant posted, long postedNanos, JsonNode created) {
        this.api = api;
        this.id = id;
        this.posted = posted;
        this.postedNanos = postedNanos;
        note(created);
    }

    /** Creates a campaign to {@code category} on {@code channels} and starts the clock at the POST. */
    public static CampaignWatch create(HeraldApi api, String category, List<String> channels) {
        Instant posted = Instant.now();
        long nanos = System.nanoTime();
        JsonNode campaign = api.createCampaign("bench " + posted, category, "Hello {{name}}",
                "Dear {{name}}, this is Herald's bench campaign to " + category + ".", channels);
        return new CampaignWatch(api, campaign.path("id").asString(), posted, nanos, campaign);
    }

    /** Polls until {@code condition} holds for the campaign; false when {@code timeout} passes first. */
    public boolean awaitUntil(Predicate<JsonNode> condition, Duration timeout) {
        return Waits.within(timeout, POLL, () -> {
            refresh();
            return last != null && condition.test(last);
        });
    }

    /** Polls until the campaign is COMPLETED (or CANCELLED); false on timeout. */
    public boolean awaitEnd(Duration timeout) {
        return awaitUntil(c -> List.of("COMPLETED", "CANCELLED").contains(c.path("status").asString()), timeout);
    }

    /** Sum of {@code progress.<channel>.<field>} over all channels, from the last poll. */
    public long progress(String field) {
        long sum = 0;
        if (last != null) {
            for (JsonNode channel : last.path("progress")) {
                sum += channel.path(field).asLong();
            }
        }
        return sum;
    }

    public void refresh() {
        try {
            HeraldApi.Answer answer = api.send("GET", url(), null);
            if (answer.status() == 200 && answer.body() != null) {
                note(answer.body());
            }
        } catch (RuntimeException unavailable) {
            // down on purpose during a drill, or restarting: poll again
        }
    }

    private String url() {
        return apiBase() + "/api/v1/campaigns/" + id;
    }

    private String apiBase() {
        return api.campaignsBaseUrl();
    }

    private void note(JsonNode campaign) {
        last = campaign;
        String status = campaign.path("status").asString("");
        firstSeen.putIfAbsent(status, Duration.ofNanos(System.nanoTime() - postedNanos));
    }

    public String id() {
        return id;
    }

    public Instant posted() {
        return posted;
    }

    public String status() {
        return last == null ? "?" : last.path("status").asString("?");
    }

    public JsonNode last() {
        return last;
    }

    /** When each status was first seen, measured from the POST. */
    public Map<String, Duration> firstSeen() {
        return Map.copyOf(firstSeen);
    }
}
