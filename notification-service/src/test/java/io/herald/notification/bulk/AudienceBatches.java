package io.herald.notification.bulk;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@code user_audience_resolved} events as user-service publishes them (docs/design.md). */
final class AudienceBatches {

    static final String SUBJECT = "Hello {{name}}";
    static final String MESSAGE = "Dear {{firstName}}, news from {{campaignName}}.";

    private static final EventCodec CODEC = new EventCodec();

    private AudienceBatches() {
    }

    static Map<String, Object> recipient(String userId, String name, String email, String phone, String deviceToken,
                                         List<String> channels) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userId", userId);
        r.put("name", name);
        r.put("email", email);
        r.put("phone", phone);
        r.put("deviceToken", deviceToken);
        r.put("channels", channels);
        return r;
    }

    /** A recipient with an address on every channel, who chose {@code channels}. */
    static Map<String, Object> reachable(String userId, List<String> channels) {
        return recipient(userId, "User " + userId, "user" + userId + "@example.org", "+49151" + userId,
                "token-" + userId, channels);
    }

    static EventEnvelope batch(String campaignId, int batch, boolean lastBatch, List<String> channels,
                               List<Map<String, Object>> recipients) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", campaignId);
        data.put("channels", channels);
        data.put("recipients", recipients);
        data.put("batch", batch);
        data.put("lastBatch", lastBatch);
        data.put("subject", SUBJECT);
        data.put("message", MESSAGE);
        data.put("campaignName", "Spring sale");
        return CODEC.envelope(EventEnvelope.deterministicId("audience:" + campaignId + ":" + batch),
                EventNames.AUDIENCE_RESOLVED, data);
    }

    /** {@code count} reachable recipients with ids {@code first … first+count-1}, all on {@code channels}. */
    static List<Map<String, Object>> reachableRange(int first, int count, List<String> channels) {
        List<Map<String, Object>> recipients = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            recipients.add(reachable(Integer.toString(i), channels));
        }
        return recipients;
    }
}
