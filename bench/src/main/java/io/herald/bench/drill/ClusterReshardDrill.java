package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.lettuce.core.cluster.SlotHash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 14: during a campaign on a 3-master cluster, the slot of the channel partition with the most
 * open work moves to another master key by key, the way {@code redis-cli --cluster reshard} moves
 * it ({@code SETSLOT IMPORTING/MIGRATING}, {@code MIGRATE}, {@code SETSLOT NODE}; test-support's
 * {@code SlotMove}), slowly enough that the services meet it half-moved ({@code ASK},
 * {@code TRYAGAIN}). Holds when the campaign completes with the books as in the other drills:
 * nothing lost, nothing counted twice.
 */
final class ClusterReshardDrill implements Drill {

    private static final Duration PER_KEY = Duration.ofMillis(300);

    @Override
    public String name() {
        return "cluster-reshard";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        Map<String, Object> details = new LinkedHashMap<>();
        try (DrillEnv env = ClusterWorld.start(options, directory, 0, List.of())) {
            env.start(options.users(), 1, List.of());
            Audience audience = env.audience();
            CampaignWatch watch = CampaignWatch.create(env.api, audience.category(), options.channels());
            long threshold = Math.max(1, audience.members() / 10);
            watch.awaitUntil(c -> watch.progress("delivered") >= threshold, options.drillTimeout());

            String partition = null;
            long open = -1;
            for (List<String> streams : ClusterWorld.partitionsByMaster(env).values()) {
                for (String stream : streams) {
                    long work = ClusterWorld.openWork(env, List.of(stream));
                    if (work > open) {
                        open = work;
                        partition = stream;
                    }
                }
            }
            int slot = SlotHash.getSlot(partition);
            int source = env.cluster.ownerOf(slot);
            int target = env.cluster.masterPorts().stream().filter(port -> port != source).findFirst().orElseThrow();
            long started = System.nanoTime();
            env.cluster.moveSlot(slot, target, PER_KEY);
            long movedMillis = (System.nanoTime() - started) / 1_000_000;
            boolean moved = env.cluster.ownerOf(slot) == target;
            Drills.say("moved slot " + slot + " of " + partition + " (" + open + " open entries) from " + source + " to "
                    + target + " in " + movedMillis + " ms");

            boolean ended = ClusterWorld.awaitEndOrStall(watch, options.drillTimeout(), Duration.ofSeconds(90));
            Accounting books = Accounting.of(env, watch.id(), audience.members());
            long lost = ClusterWorld.lost(books);
            long twice = ClusterWorld.doubleCounted(books);
            boolean holds = ended && moved && books.holds() && lost == 0 && twice == 0;
            details.put("campaign", watch.id());
            details.put("status", watch.status());
            details.put("partition", partition);
            details.put("slot", slot);
            details.put("from", source);
            details.put("to", target);
            details.put("moveMillis", movedMillis);
            details.put("lost", lost);
            details.put("doubleCounted", twice);
            details.put("books", books);
            String verdict = String.format("users %d: slot %d of %s (%d open entries) moved %d -> %d in %d ms%s; "
                            + "campaign %s; lost %d, double-counted %d; %s%s", options.users(), slot, partition, open,
                    source, target, movedMillis, moved ? "" : " (NOT moved)", watch.status(), lost, twice,
                    books.summary(), WorkerCrashDrill.problems(ended, books, watch));
            return DrillResult.of(name(), holds, verdict, details);
        }
    }
}
