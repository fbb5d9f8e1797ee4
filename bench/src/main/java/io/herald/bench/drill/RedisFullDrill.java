package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.ChannelLedger;
import io.herald.bench.e2e.HeraldApi;
import io.herald.bench.e2e.Stack;
import io.herald.bench.e2e.Waits;
import io.herald.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drill 6 (issue 16): Redis fills up mid-campaign. {@code maxmemory} is lowered below the memory in
 * use (policy noeviction) for {@value #HOLD_SECONDS} s, then raised again. While full, writes must
 * answer 503 problem+json with {@code Retry-After} and reads 200; no service may die or restart,
 * and the logs must not flood. Afterwards the campaign completes by itself and the books hold: 0
 * lost, 0 counted twice.
 */
final class RedisFullDrill implements Drill {

    static final int HOLD_SECONDS = 20;
    /** Lines mentioning the refusals the services may log during the hold (throttled: far fewer). */
    static final int LOG_LINES_BOUND = 500;

    @Override
    public String name() {
        return "redis-full";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        try (DrillEnv env = new DrillEnv(options, directory, "everysec")) {
            env.start(options.users(), 1, List.of());
            Map<String, Long> pids = new LinkedHashMap<>();
            env.stack.processes().forEach(p -> pids.put(p.name(), p.pid()));
            Audience audience = env.audience();
            CampaignWatch watch = CampaignWatch.create(env.api, audience.category(), options.channels());
            Waits.within(options.drillTimeout(), Duration.ofMillis(20),
                    () -> RedisOutageDrill.delivered(env, watch.id()) >= audience.members() / 5);
            long used = env.access.usedMemory();
            long limit = Math.max(1, used * 9 / 10);
            env.access.sync().configSet("maxmemory", Long.toString(limit));
            long deliveredAtFull = RedisOutageDrill.delivered(env, watch.id());
            Drills.say("Redis full: maxmemory " + limit + " below used " + used + " after " + deliveredAtFull
                    + " deliveries; held " + HOLD_SECONDS + " s");
            long fullNanos = System.nanoTime();
            Waits.pause(Duration.ofSeconds(2));
            Map<String, String> writes = writes(env, audience.category());
            Map<String, String> reads = reads(env, watch.id());
            long deliveredDuringFull = RedisOutageDrill.delivered(env, watch.id());
            Waits.pause(Duration.ofSeconds(HOLD_SECONDS).minusNanos(System.nanoTime() - fullNanos));
            long deliveredAtEnd = RedisOutageDrill.delivered(env, watch.id());
            env.access.sync().configSet("maxmemory", "0");
            Drills.say("memory freed (maxmemory 0); deliveries while full: " + (deliveredAtEnd - deliveredAtFull));
            boolean ended = watch.awaitEnd(options.drillTimeout());
            Accounting books = Accounting.of(env, watch.id(), audience.members());
            long expected = books.expected().values().stream().mapToLong(Long::longValue).sum();
            long settled = books.ledgers().values().stream().mapToLong(ChannelLedger::settled).sum();
            long lost = Math.max(0, expected - settled);
            List<String> restarted = env.stack.processes().stream()
                    .filter(p -> !p.alive() || p.pid() != pids.get(p.name())).map(ServiceProcess::name).toList();
            boolean writes503 = writes.values().stream().allMatch(a -> a.equals("503 application/problem+json Storage full"));
            boolean reads200 = reads.values().stream().allMatch(a -> a.startsWith("200"));
            long logLines = refusalLogLines(env);
            boolean holds = ended && books.holds() && restarted.isEmpty() && writes503 && reads200
                    && logLines <= LOG_LINES_BOUND;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("usedAtFull", used);
            details.put("maxmemoryWhileFull", limit);
            details.put("deliveredAtFull", deliveredAtFull);
            details.put("deliveredWhileFull", deliveredAtEnd - deliveredAtFull);
            details.put("deliveredTwoSecondsIn", deliveredDuringFull);
            details.put("writesWhileFull", writes);
            details.put("readsWhileFull", reads);
            details.put("processesRestartedOrDead", restarted);
            details.put("refusalLogLines", logLines);
            details.put("expected", expected);
            details.put("settled", settled);
            details.put("lost", lost);
            details.put("books", books);
            String verdict = String.format("lost %d of %d, services never restarted %s, writes 503 %s, reads 200 %s, "
                            + "refusal log lines %d (bound %d); %s%s", lost, expected, restarted.isEmpty(), writes503,
                    reads200, logLines, LOG_LINES_BOUND, books.summary(), WorkerCrashDrill.problems(ended, books, watch));
            return DrillResult.of(name(), holds, verdict, details);
        }
    }

    /** One write per service while Redis is full: "status content-type title". */
    private static Map<String, String> writes(DrillEnv env, String category) {
        Map<String, String> answers = new LinkedHashMap<>();
        answer(answers, Stack.CAMPAIGNS, env.api, "POST", env.stack.url(Stack.CAMPAIGNS) + "/api/v1/campaigns",
                Map.of("name", "while full", "category", category, "subject", "s", "message", "m"));
        answer(answers, Stack.USERS, env.api, "POST", env.stack.url(Stack.USERS) + "/api/v1/users",
                Map.of("name", "Full Test", "email", "full@example.com", "categories", List.of(category),
                        "channels", List.of("email")));
        answer(answers, Stack.NOTIFICATIONS, env.api, "POST", env.stack.url(Stack.NOTIFICATIONS) + "/api/v1/notifications",
                Map.of("userId", "1", "subject", "s", "message", "m"));
        answer(answers, Stack.WORKERS, env.api, "POST", env.stack.url(Stack.WORKERS) + "/api/v1/queues/full-drill/messages",
                Map.of("n", 1));
        return answers;
    }

    private static Map<String, String> reads(DrillEnv env, String campaignId) {
        Map<String, String> answers = new LinkedHashMap<>();
        answer(answers, Stack.CAMPAIGNS, env.api, "GET", env.stack.url(Stack.CAMPAIGNS) + "/api/v1/campaigns/" + campaignId, null);
        answer(answers, Stack.USERS, env.api, "GET", env.stack.url(Stack.USERS) + "/api/v1/categories", null);
        answer(answers, Stack.NOTIFICATIONS, env.api, "GET",
                env.stack.url(Stack.NOTIFICATIONS) + "/api/v1/notifications/" + campaignId + ":1:email", null);
        answer(answers, Stack.WORKERS, env.api, "GET", env.stack.url(Stack.WORKERS) + "/api/v1/channels", null);
        return answers;
    }

    private static void answer(Map<String, String> answers, String service, HeraldApi api, String method, String url,
                               Object body) {
        try {
            HeraldApi.Answer answer = api.send(method, url, body);
            String text = answer.status() + " " + answer.contentType().split(";")[0];
            if (answer.status() >= 400 && answer.body() != null) {
                // every 503 problem carries Retry-After (ProblemHandler; ServiceKitIntegrationTests)
                text += " " + answer.body().path("title").asString();
            }
            answers.put(service + " " + method, text);
        } catch (RuntimeException e) {
            answers.put(service + " " + method, "no answer: " + e.getMessage());
        }
    }

    /** Log lines of all services that mention Redis refusing a write for lack of memory. */
    private static long refusalLogLines(DrillEnv env) {
        long lines = 0;
        for (ServiceProcess process : env.stack.processes()) {
            try (var stream = Files.lines(process.log())) {
                lines += stream.filter(line -> line.contains("OOM") || line.contains("Redis is full")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (UncheckedIOException e) {
                // a line that is not UTF-8: count what was read
            }
        }
        return lines;
    }
}
