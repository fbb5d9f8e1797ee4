package io.herald.bench.e2e;

import io.herald.eventstore.Channels;
import io.herald.testsupport.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measured heart of a run: one campaign from its POST to COMPLETED with transactional
 * notifications posted alongside, then per channel the delivery rate and the latency from the
 * POST to each delivery ({@code at} of the outcome records), and what the sinks received.
 */
final class CampaignPhase {

    private final Stack stack;
    private final RedisAccess redis;
    private final SmtpSink smtp;
    private final BenchOptions options;
    private final HeraldApi api;

    CampaignPhase(Stack stack, RedisAccess redis, SmtpSink smtp, BenchOptions options) {
        this.stack = stack;
        this.redis = redis;
        this.smtp = smtp;
        this.options = options;
        this.api = new HeraldApi(stack, EndToEndBench.API_KEY);
    }

    /** Runs one campaign with the transactional probe alongside; {@code phase} labels the resource samples. */
    Map<String, Object> run(Audience audience, ProcessSampler sampler, String phase) {
        TransactionalProbe probe = new TransactionalProbe(api, userIds(audience.category()));
        sampler.phase(phase);
        RedisCommandStats commandsBefore = redis.isCluster() ? null : RedisCommandStats.take(redis);
        LaneHistograms lanesBefore = LaneHistograms.scrape(api);
        CampaignWatch watch = CampaignWatch.create(api, audience.category(), options.channels());
        probe.start(options.transactional(), options.transactionalRate());
        boolean ended = watch.awaitEnd(options.timeout());
        RedisCommandStats commandsAfter = commandsBefore == null ? null : RedisCommandStats.take(redis);
        Duration toEnd = watch.firstSeen().getOrDefault(watch.status(), Duration.ZERO);
        EndToEndBench.step("campaign " + watch.id() + " " + watch.status() + " after " + toEnd.toMillis() + " ms");
        probe.awaitPosted(Duration.ofSeconds(60));
        sampler.phase("after");
        TransactionalProbe.Result tx = probe.measure(Duration.ofSeconds(30));
        Map<String, LaneHistograms.Quantiles> lanes = LaneHistograms.scrape(api).since(lanesBefore);

        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> channels = new LinkedHashMap<>();
        // the services' herald.channel-partitions is auto: 1 on one Redis, 3 on a cluster
        Channels partitions = Channels.of(options.channels(), "auto", redis.isCluster());
        long delivered = 0;
        List<Long> allLatencies = new ArrayList<>();
        for (String channel : options.channels()) {
            ChannelLedger ledger = ChannelLedger.readAll(redis, partitions.bulkStreams(channel), watch.id());
            long postedMillis = watch.posted().toEpochMilli();
            long[] latencies = new long[ledger.deliveredAtMillis().length];
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = ledger.deliveredAtMillis()[i] - postedMillis;
                allLatencies.add(latencies[i]);
            }
            long span = ledger.lastDeliveryMillis() - postedMillis;
            delivered += ledger.delivered();
            channels.put(channel, Report.channel(ledger, span <= 0 ? 0 : ledger.delivered() * 1000.0 / span,
                    Latencies.of(latencies)));
        }
        result.put("campaign", Map.of("id", watch.id(), "category", audience.category(), "subscribers", audience.members(),
                "status", watch.status(), "completed", ended && "COMPLETED".equals(watch.status()),
                "durationMs", toEnd.toMillis(), "statusFirstSeenMs", Report.millis(watch.firstSeen()),
                "channels", channels));
        double perSecond = toEnd.isZero() ? 0 : delivered * 1000.0 / toEnd.toMillis();
        result.put("delivered", delivered);
        result.put("endToEndPerSecond", Math.round(perSecond));
        result.put("latencyMs", Latencies.of(allLatencies.stream().mapToLong(Long::longValue).toArray()));
        if (commandsAfter != null && delivered > 0) {
            // counted from the POST to COMPLETED: the campaign, the transactional probe, the status polling
            result.put("redisCommandsPerNotification", commandsAfter.perNotificationSince(commandsBefore, delivered));
        }
        result.put("transactional", tx);
        result.put("priorityLanes", lanes);
        result.put("sinks", sinks());
        return result;
    }

    private List<String> userIds(String category) {
        List<String> ids = new ArrayList<>();
        api.users(category, 50).path("items").forEach(user -> ids.add(user.path("id").asString()));
        return ids;
    }

    private Map<String, Object> sinks() {
        Map<String, Object> sinks = new LinkedHashMap<>();
        sinks.put("smtp", Map.of("received", smtp.received(), "distinct", smtp.distinct(), "duplicates", smtp.duplicates()));
        List<java.nio.file.Path> logs = stack.processes().stream()
                .filter(p -> p.name().startsWith(Stack.WORKERS)).map(ServiceProcess::log).toList();
        sinks.put("logSenders", DeliveryLog.count(logs));
        return sinks;
    }
}
