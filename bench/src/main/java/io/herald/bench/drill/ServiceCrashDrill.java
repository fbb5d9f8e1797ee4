package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.ChannelLedger;
import io.herald.bench.e2e.Stack;
import io.herald.bench.e2e.Waits;
import io.herald.eventstore.StreamKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drill 2: {@code kill -9} of user-service while it resolves the campaign's audience (after its
 * first audience batch), then of notification-service while it renders (after the first
 * notifications were targeted), each restarted at once. Holds when every subscriber was resolved,
 * every recipient targeted exactly once per channel, and everything settled and counted once.
 */
final class ServiceCrashDrill implements Drill {

    private static final Duration POLL = Duration.ofMillis(2);

    @Override
    public String name() {
        return "service-crash";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        try (DrillEnv env = new DrillEnv(options, directory, null)) {
            env.start(options.users(), 1, List.of());
            Audience audience = env.audience();
            long audiencesBefore = env.access.sync().xlen(StreamKeys.AUDIENCES);
            CampaignWatch watch = CampaignWatch.create(env.api, audience.category(), options.channels());
            Map<String, Object> details = new LinkedHashMap<>();

            boolean resolving = Waits.within(Duration.ofSeconds(60), POLL,
                    () -> env.access.sync().xlen(StreamKeys.AUDIENCES) > audiencesBefore);
            env.stack.get(Stack.USERS).kill();
            long batchesAtKill = env.access.sync().xlen(StreamKeys.AUDIENCES) - audiencesBefore;
            Duration usersBack = env.restart(Stack.USERS);
            Drills.say("killed user-service after " + batchesAtKill + " audience batches; back in " + usersBack.toMillis() + " ms");

            boolean rendering = Waits.within(Duration.ofSeconds(120), POLL, () -> targeted(env, watch.id()) > 0);
            env.stack.get(Stack.NOTIFICATIONS).kill();
            long targetedAtKill = targeted(env, watch.id());
            Duration notificationsBack = env.restart(Stack.NOTIFICATIONS);
            Drills.say("killed notification-service after " + targetedAtKill + " targeted; back in "
                    + notificationsBack.toMillis() + " ms");

            boolean ended = watch.awaitEnd(options.drillTimeout());
            long batches = env.access.sync().xlen(StreamKeys.AUDIENCES) - audiencesBefore;
            Accounting books = Accounting.of(env, watch.id(), audience.members());
            long expected = books.expected().values().stream().mapToLong(Long::longValue).sum();
            boolean midResolution = resolving && batchesAtKill < batches;
            boolean midRendering = rendering && targetedAtKill < expected;
            details.put("campaign", watch.id());
            details.put("status", watch.status());
            details.put("audienceBatchesAtUserServiceKill", batchesAtKill);
            details.put("audienceEntriesInTheEnd", batches);
            details.put("targetedAtNotificationServiceKill", targetedAtKill);
            details.put("expectedNotifications", expected);
            details.put("books", books);
            String timing = (midResolution ? "" : " (user-service kill came after resolution ended)")
                    + (midRendering ? "" : " (notification-service kill came after rendering ended)");
            String verdict = String.format("user-service killed after %d of %d audience entries, notification-service after "
                            + "%d of %d targeted%s; %s%s", batchesAtKill, batches, targetedAtKill, expected, timing,
                    books.summary(), WorkerCrashDrill.problems(ended, books, watch));
            return DrillResult.of(name(), ended && books.holds() && midResolution && midRendering, verdict, details);
        }
    }

    private static long targeted(DrillEnv env, String campaignId) {
        long sum = 0;
        for (String channel : env.options.channels()) {
            sum += ChannelLedger.counters(env.access, StreamKeys.notify(channel), campaignId).targeted();
        }
        return sum;
    }
}
