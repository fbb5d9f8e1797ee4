package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.Waits;
import io.herald.eventstore.StreamKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drill 5: every channel-workers process is down while a campaign is created; the streams
 * buffer it. The workers start after {@code --offline} (60 s). Holds when everything is then
 * delivered and counted once; reports the memory Redis used for the backlog and the drain rate.
 */
final class OfflineBurstDrill implements Drill {

    @Override
    public String name() {
        return "offline-burst";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        try (DrillEnv env = new DrillEnv(options, directory, null)) {
            env.start(options.users(), 0, List.of());
            Audience audience = env.audience();
            long memoryBefore = env.access.usedMemory();
            long createdNanos = System.nanoTime();
            CampaignWatch watch = CampaignWatch.create(env.api, audience.category(), options.channels());
            Waits.pause(options.offline().minusNanos(System.nanoTime() - createdNanos));
            long backlog = 0;
            Map<String, Long> lengths = new LinkedHashMap<>();
            for (String channel : options.channels()) {
                long length = env.access.sync().xlen(StreamKeys.notify(channel));
                lengths.put(channel, length);
                backlog += length;
            }
            long backlogBytes = env.access.usedMemory() - memoryBefore;
            Drills.say("offline " + options.offline().toSeconds() + " s: backlog " + backlog + " entries, Redis +"
                    + backlogBytes / 1024 / 1024 + " MB; starting the workers");
            env.stack.define(DrillEnv.workerName(1), io.herald.bench.e2e.Stack.WORKERS, Map.of(), List.of());
            long workersNanos = System.nanoTime();
            env.restart(DrillEnv.workerName(1));
            boolean ended = watch.awaitEnd(options.drillTimeout());
            long drainMillis = (System.nanoTime() - workersNanos) / 1_000_000;
            Accounting books = Accounting.of(env, watch.id(), audience.members());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("campaign", watch.id());
            details.put("backlogEntries", backlog);
            details.put("backlogByStream", lengths);
            details.put("redisMemoryForBacklogMb", backlogBytes / 1024 / 1024);
            details.put("bytesPerBacklogEntry", backlog == 0 ? 0 : backlogBytes / backlog);
            details.put("drainMs", drainMillis);
            details.put("drainPerSecond", drainMillis == 0 ? 0 : backlog * 1000 / drainMillis);
            details.put("books", books);
            String verdict = String.format("backlog %d entries in %d MB of Redis (%d B/entry), drained in %d ms after the "
                            + "workers started; %s%s", backlog, backlogBytes / 1024 / 1024,
                    backlog == 0 ? 0 : backlogBytes / backlog, drainMillis, books.summary(),
                    WorkerCrashDrill.problems(ended, books, watch));
            return DrillResult.of(name(), ended && books.holds() && backlog > 0, verdict, details);
        }
    }
}
