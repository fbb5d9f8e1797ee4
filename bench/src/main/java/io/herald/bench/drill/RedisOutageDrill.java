package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.ChannelLedger;
import io.herald.bench.e2e.HeraldApi;
import io.herald.bench.e2e.Stack;
import io.herald.bench.e2e.Waits;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drill 3: Redis crashes ({@code kill -9}) mid-campaign and stays down for the outage (10 s), once
 * with AOF {@code appendfsync everysec} and once with {@code always}. While it is down every
 * service must stay up and answer 503 problem+json; after Redis returns (reloading its AOF) the
 * services reconnect by themselves and the campaign completes. Loss is reported per policy:
 * everysec may lose up to a second of writes; always must lose nothing.
 */
final class RedisOutageDrill implements Drill {

    @Override
    public String name() {
        return "redis-outage";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean holds = true;
        List<String> verdicts = new ArrayList<>();
        for (String policy : List.of("everysec", "always")) {
            Map<String, Object> phase = phase(options, directory.resolve(policy), policy);
            details.put(policy, phase);
            holds &= (Boolean) phase.get("holds");
            verdicts.add(policy + ": " + phase.get("verdict"));
        }
        return DrillResult.of(name(), holds, String.join(" | ", verdicts), details);
    }

    private Map<String, Object> phase(DrillOptions options, Path directory, String policy) {
        try (DrillEnv env = new DrillEnv(options, directory, policy)) {
            env.start(options.users(), 1, List.of());
            Audience audience = env.audience();
            CampaignWatch watch = CampaignWatch.create(env.api, audience.category(), options.channels());
            Waits.within(options.drillTimeout(), Duration.ofMillis(20),
                    () -> delivered(env, watch.id()) >= audience.members() / 5);
            long deliveredAtCrash = delivered(env, watch.id());
            env.redis.kill();
            Drills.say(policy + ": Redis killed after " + deliveredAtCrash + " deliveries; down for " + options.outage());
            long downNanos = System.nanoTime();
            Waits.pause(Duration.ofSeconds(2));
            Map<String, String> answers = probe(env, watch.id());
            List<String> dead = env.stack.processes().stream().filter(p -> !p.alive()).map(ServiceProcess::name).toList();
            Waits.pause(options.outage().minusNanos(System.nanoTime() - downNanos));
            env.redis.start();
            boolean ended = watch.awaitEnd(options.drillTimeout());
            Accounting books = Accounting.of(env, watch.id(), audience.members());
            long expected = books.expected().values().stream().mapToLong(Long::longValue).sum();
            long settled = books.ledgers().values().stream().mapToLong(ChannelLedger::settled).sum();
            long lost = Math.max(0, expected - settled);
            boolean all503 = answers.values().stream().allMatch(a -> a.startsWith("503 application/problem+json"));
            boolean holds = ended && books.holds() && dead.isEmpty() && all503;
            Map<String, Object> phase = new LinkedHashMap<>();
            phase.put("holds", holds);
            phase.put("deliveredAtCrash", deliveredAtCrash);
            phase.put("answersWhileDown", answers);
            phase.put("processesDeadAfterOutage", dead);
            phase.put("expected", expected);
            phase.put("settled", settled);
            phase.put("lost", lost);
            phase.put("books", books);
            phase.put("verdict", String.format("lost %d of %d, services up %s, 503 while down %s; %s%s", lost, expected,
                    dead.isEmpty(), all503, books.summary(), WorkerCrashDrill.problems(ended, books, watch)));
            return phase;
        }
    }

    /** One request per service while Redis is down: "status content-type". */
    private static Map<String, String> probe(DrillEnv env, String campaignId) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put(Stack.CAMPAIGNS, env.stack.url(Stack.CAMPAIGNS) + "/api/v1/campaigns/" + campaignId);
        urls.put(Stack.USERS, env.stack.url(Stack.USERS) + "/api/v1/categories");
        urls.put(Stack.NOTIFICATIONS, env.stack.url(Stack.NOTIFICATIONS) + "/api/v1/notifications/" + campaignId + ":u:sms");
        urls.put(Stack.WORKERS, env.stack.url(Stack.WORKERS) + "/api/v1/channels");
        Map<String, String> answers = new LinkedHashMap<>();
        urls.forEach((service, url) -> {
            try {
                HeraldApi.Answer answer = env.api.send("GET", url, null);
                answers.put(service, answer.status() + " " + answer.contentType().split(";")[0]);
            } catch (RuntimeException e) {
                answers.put(service, "no answer: " + e.getMessage());
            }
        });
        return answers;
    }

    static long delivered(DrillEnv env, String campaignId) {
        long sum = 0;
        for (String channel : env.options.channels()) {
            sum += ChannelLedger.counters(env.access, StreamKeys.notify(channel), campaignId).delivered();
        }
        return sum;
    }
}
