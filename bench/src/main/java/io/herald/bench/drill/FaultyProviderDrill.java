package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.ChannelLedger;
import io.herald.bench.e2e.Waits;
import io.herald.eventstore.StreamKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drill 4: providers that misbehave, through channel-workers' fault switch ({@code herald.fault.*},
 * test and drill use only):
 * <ol>
 *   <li>poison — 30 % of sends fail at random with a temporary error: retries with backoff, the
 *       notifications that fail every attempt are dead-lettered, everything settles;</li>
 *   <li>replay — the workers restart healthy and the dead letters are replayed: each of them is
 *       then delivered, and counted once;</li>
 *   <li>hang — some sends never return: the handler timeout turns them into failed attempts, no
 *       consumer stalls, and the campaign settles.</li>
 * </ol>
 */
final class FaultyProviderDrill implements Drill {

    /** The fault switch of channel-workers ({@code io.herald.channel.fault}), as JVM flags. */
    static final String FAILURE_RATE = "herald.fault.failure-rate";
    static final String HANG_RATE = "herald.fault.hang-rate";
    static final int MAX_ATTEMPTS = 3;
    private static final List<String> FAST_RETRIES = List.of(
            "-Dherald.workers.max-attempts=" + MAX_ATTEMPTS,
            "-Dherald.workers.initial-backoff=100ms",
            "-Dherald.workers.max-backoff=1s",
            "-Dherald.workers.handler-timeout=2s");

    @Override
    public String name() {
        return "faulty-provider";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        try (DrillEnv env = new DrillEnv(options, directory, null)) {
            env.start(options.faultUsers(), 1, with(FAILURE_RATE, "0.3"));
            Audience audience = env.audience();
            Map<String, Object> details = new LinkedHashMap<>();

            CampaignWatch poisoned = CampaignWatch.create(env.api, audience.category(), options.channels());
            boolean poisonEnded = poisoned.awaitEnd(options.drillTimeout());
            Accounting poisonBooks = Accounting.of(env, poisoned.id(), audience.members());
            long targeted = sum(poisonBooks, ChannelLedger::targeted);
            long dead = sum(poisonBooks, ChannelLedger::deadLettered);
            long retried = attemptsSeen(env);
            double expectedDead = targeted * Math.pow(0.3, MAX_ATTEMPTS);
            boolean faultActive = dead > 0 || retried > 0;
            details.put("poison", Map.of("campaign", poisoned.id(), "targeted", targeted, "deadLettered", dead,
                    "expectedDeadLettered", Math.round(expectedDead), "books", poisonBooks));
            Drills.say("poison: " + dead + " dead-lettered of " + targeted + " (expected ~" + Math.round(expectedDead) + ")");

            env.workers().get(0).stop();
            env.stack.define(DrillEnv.workerName(1), io.herald.bench.e2e.Stack.WORKERS, Map.of(), FAST_RETRIES);
            env.restart(DrillEnv.workerName(1));
            long replayed = 0;
            for (String channel : options.channels()) {
                replayed += env.api.replayDeadLetters(channel);
            }
            long replayedCount = replayed;
            boolean replayDone = Waits.within(options.drillTimeout(), Duration.ofMillis(200), () ->
                    sum(Accounting.of(env, poisoned.id(), audience.members()), ChannelLedger::deadLettered) == 0
                            && Accounting.of(env, poisoned.id(), audience.members()).holds());
            Accounting replayBooks = Accounting.of(env, poisoned.id(), audience.members());
            details.put("replay", Map.of("replayed", replayedCount, "books", replayBooks));
            Drills.say("replay: " + replayedCount + " dead letters replayed; " + replayBooks.summary());

            env.workers().get(0).stop();
            env.stack.define(DrillEnv.workerName(1), io.herald.bench.e2e.Stack.WORKERS, Map.of(), with(HANG_RATE, "0.05"));
            env.restart(DrillEnv.workerName(1));
            long hangStart = System.nanoTime();
            CampaignWatch hanging = CampaignWatch.create(env.api, audience.category(), options.channels());
            boolean hangEnded = hanging.awaitEnd(options.drillTimeout());
            Accounting hangBooks = Accounting.of(env, hanging.id(), audience.members());
            long hangMillis = (System.nanoTime() - hangStart) / 1_000_000;
            details.put("hang", Map.of("campaign", hanging.id(), "ms", hangMillis, "books", hangBooks));

            boolean holds = faultActive && poisonEnded && poisonBooks.holds() && replayDone && replayBooks.holds()
                    && hangEnded && hangBooks.holds();
            String verdict = (faultActive ? "" : "FAULT SWITCH NOT HONOURED (no failed attempt seen): ")
                    + String.format("poison: %d/%d dead-lettered (expected ~%d at 30 %% over %d attempts)%s | replay: %d "
                            + "replayed, %s | hang 5 %%: settled in %d ms, %s%s", dead, targeted, Math.round(expectedDead),
                    MAX_ATTEMPTS, WorkerCrashDrill.problems(poisonEnded, poisonBooks, poisoned), replayedCount,
                    replayBooks.summary(), hangMillis, hangBooks.summary(),
                    WorkerCrashDrill.problems(hangEnded, hangBooks, hanging));
            return DrillResult.of(name(), holds, verdict, details);
        }
    }

    private static List<String> with(String fault, String rate) {
        List<String> flags = new java.util.ArrayList<>(FAST_RETRIES);
        flags.add("-Dherald.fault.enabled=true");
        flags.add("-D" + fault + "=" + rate);
        return flags;
    }

    /** Failed attempts on record right now (the retry bookkeeping of every bulk stream). */
    private static long attemptsSeen(DrillEnv env) {
        long seen = 0;
        for (String channel : env.options.channels()) {
            String stream = StreamKeys.notify(channel);
            seen += env.access.sync().xlen(StreamKeys.deadLetters(channel));
            seen += env.access.sync().hlen(StreamKeys.attempts(stream, Consumers.WORKERS_GROUP));
        }
        return seen;
    }

    private static long sum(Accounting books, java.util.function.ToLongFunction<ChannelLedger> field) {
        return books.ledgers().values().stream().mapToLong(field).sum();
    }
}
