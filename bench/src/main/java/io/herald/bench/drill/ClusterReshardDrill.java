package io.herald.bench.drill;

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
            CampaignUnderFault campaign = CampaignUnderFault.start(env, options.users(), 1).awaitTenthDelivered();

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

            CampaignUnderFault.Outcome outcome = campaign.awaitEndOrStall(Duration.ofSeconds(90));
            long lost = outcome.lost();
            long twice = outcome.doubleCounted();
            boolean holds = outcome.holds() && moved && lost == 0 && twice == 0;
            outcome.details(details, CampaignUnderFault.figures("partition", partition, "slot", slot, "from", source,
                    "to", target, "moveMillis", movedMillis, "lost", lost, "doubleCounted", twice));
            String verdict = String.format("users %d: slot %d of %s (%d open entries) moved %d -> %d in %d ms%s; %s%s",
                    options.users(), slot, partition, open, source, target, movedMillis, moved ? "" : " (NOT moved)",
                    outcome.tally(), outcome.problems());
            return DrillResult.of(name(), holds, verdict, details);
        }
    }
}
