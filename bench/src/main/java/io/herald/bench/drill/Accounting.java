package io.herald.bench.drill;

import io.herald.bench.e2e.ChannelLedger;
import io.herald.bench.e2e.DeliveryLog;
import io.herald.eventstore.Channels;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The books of one campaign, checked from outside the services:
 * <ul>
 *   <li>expected: the distinct (recipient, channel) pairs of the campaign's {@code audiences}
 *       batches (recipient channels ∩ campaign channels), and every subscriber resolved;</li>
 *   <li>per channel: {@code targeted} equals expected (each recipient targeted once), every
 *       targeted notification settled (delivered + failed + dead-lettered + cancelled), and the
 *       counters equal the number of outcome records (nothing counted twice);</li>
 *   <li>sends at the sinks (SMTP Message-IDs, log-sender lines): distinct sends cover the
 *       delivered records; duplicate sends are reported, they are what at-least-once allows.</li>
 * </ul>
 */
record Accounting(String campaignId, long subscribers, long resolved, Map<String, Long> expected,
                  Map<String, ChannelLedger> ledgers, Map<String, Long> distinctSends, Map<String, Long> duplicateSends,
                  List<String> problems) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    boolean holds() {
        return problems.isEmpty();
    }

    static Accounting of(DrillEnv env, String campaignId, long subscribers) {
        List<String> problems = new ArrayList<>();
        Set<String> recipients = new HashSet<>();
        Map<String, Set<String>> pairs = new LinkedHashMap<>();
        env.options.channels().forEach(channel -> pairs.put(channel, new HashSet<>()));
        readAudiences(env, campaignId, recipients, pairs);
        if (recipients.size() != subscribers) {
            problems.add("audience: " + recipients.size() + " of " + subscribers + " subscribers resolved");
        }
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<String, ChannelLedger> ledgers = new LinkedHashMap<>();
        Map<String, Long> distinct = new LinkedHashMap<>();
        Map<String, Long> duplicates = new LinkedHashMap<>();
        Map<String, DeliveryLog.Sends> logSends = DeliveryLog.count(env.workerLogs());
        Channels partitions = Channels.of(env.options.channels(), "auto", env.access.isCluster());
        for (String channel : env.options.channels()) {
            long want = pairs.get(channel).size();
            // every partition of the channel (one stream on one Redis, as many as the services use on a cluster)
            ChannelLedger ledger = ChannelLedger.readAll(env.access, partitions.bulkStreams(channel), campaignId);
            expected.put(channel, want);
            ledgers.put(channel, ledger);
            check(channel, want, ledger, problems);
            if ("email".equals(channel)) {
                distinct.put(channel, env.smtp.distinct());
                duplicates.put(channel, env.smtp.duplicates());
            } else {
                DeliveryLog.Sends sends = logSends.getOrDefault(channel, new DeliveryLog.Sends(0, 0));
                distinct.put(channel, sends.distinct());
                duplicates.put(channel, sends.duplicates());
            }
            long deliveredRecords = ledger.recordsByStatus().getOrDefault("DELIVERED", 0L);
            if (distinct.get(channel) < deliveredRecords) {
                problems.add(channel + ": " + deliveredRecords + " recorded DELIVERED but only " + distinct.get(channel)
                        + " distinct sends reached the sink");
            }
        }
        return new Accounting(campaignId, subscribers, recipients.size(), expected, ledgers, distinct, duplicates,
                List.copyOf(problems));
    }

    private static void check(String channel, long expected, ChannelLedger ledger, List<String> problems) {
        if (ledger.targeted() != expected) {
            problems.add(channel + ": targeted " + ledger.targeted() + " but the audience holds " + expected);
        }
        if (ledger.settled() != ledger.targeted()) {
            problems.add(channel + ": " + ledger.settled() + " of " + ledger.targeted() + " targeted settled (delivered "
                    + ledger.delivered() + ", failed " + ledger.failed() + ", dead-lettered " + ledger.deadLettered() + ")");
        }
        if (ledger.records() != ledger.settled()) {
            problems.add(channel + ": counters say " + ledger.settled() + " settled but there are " + ledger.records()
                    + " outcome records");
        }
    }

    /** Recipients and (recipient, channel) pairs of the campaign's audience batches. */
    private static void readAudiences(DrillEnv env, String campaignId, Set<String> recipients,
                                      Map<String, Set<String>> pairs) {
        String from = "-";
        while (true) {
            List<StreamMessage<String, String>> page = env.access.sync().xrange(StreamKeys.AUDIENCES,
                    Range.create(from, "+"), Limit.from(100));
            for (StreamMessage<String, String> message : page) {
                JsonNode data = JSON.readTree(EventEnvelope.fromFields(message.getBody()).data());
                if (!campaignId.equals(data.path("campaignId").asString())) {
                    continue;
                }
                Set<String> campaignChannels = strings(data.path("channels"));
                for (JsonNode recipient : data.path("recipients")) {
                    String userId = recipient.path("userId").asString();
                    recipients.add(userId);
                    for (String channel : strings(recipient.path("channels"))) {
                        if ((campaignChannels.isEmpty() || campaignChannels.contains(channel)) && pairs.containsKey(channel)) {
                            pairs.get(channel).add(userId);
                        }
                    }
                }
            }
            if (page.size() < 100) {
                return;
            }
            from = "(" + page.get(page.size() - 1).getId();
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(node -> values.add(node.asString()));
        return values;
    }

    /** A one-line summary per channel for the verdict. */
    String summary() {
        StringBuilder out = new StringBuilder();
        ledgers.forEach((channel, ledger) -> out.append(String.format("%s %d/%d settled (d %d, f %d, dl %d), sends %d +%d dup; ",
                channel, ledger.settled(), ledger.targeted(), ledger.delivered(), ledger.failed(), ledger.deadLettered(),
                distinctSends.get(channel), duplicateSends.get(channel))));
        return out.toString().trim();
    }
}
