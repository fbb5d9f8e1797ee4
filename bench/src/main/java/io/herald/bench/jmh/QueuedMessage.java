package io.herald.bench.jmh;

/**
 * The payload of {@code notification_message_queued} as docs/design.md defines it, for the
 * encode/decode benchmarks (the services' own records are package-private).
 */
public record QueuedMessage(String notificationId, String campaignId, String userId, String channel, String to,
                            String subject, String body, String html, int attempt) {

    static QueuedMessage sample(int n) {
        String campaign = "7b0c3f7e-4d8a-4e0c-9c55-0b1f3d2a6e11";
        String user = "u" + (100000 + n);
        return new QueuedMessage(campaign + ":" + user + ":email", campaign, user, "email",
                "jane.doe" + n + "@example.org", "Your Finance update, Jane",
                "Dear Jane Doe, markets moved today. Here is what it means for your portfolio and your plans.",
                "<p>Dear Jane Doe,</p><p>markets moved today. Here is what it means for your portfolio.</p>", 1);
    }
}
