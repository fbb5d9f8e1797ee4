package io.herald.bench.drill;

import io.herald.bench.e2e.Waits;
import io.herald.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 15: a master of a 3-master/3-replica cluster is killed with {@code kill -9} mid-campaign,
 * while its channel partitions hold open work; its replica is promoted, the services carry on
 * without a restart, and later the old master comes back and rejoins as a replica. Run twice, with
 * {@code herald.redis.replica-acks} 0 and 1; each run prints its verdict line (lost, double-counted,
 * the time from the kill to the promoted replica taking writes). Holds when the run with
 * replica acks lost nothing and counted nothing twice, with the books as in the other drills; the
 * run without is the honest comparison (Redis replication is asynchronous).
 */
final class ClusterFailoverDrill implements Drill {

    private static final Duration ALONE = Duration.ofSeconds(10);
    private static final Duration STALL = Duration.ofSeconds(90);

    @Override
    public String name() {
        return "cluster-failover";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        DrillResult without = runOnce(options, directory.resolve("replica-acks-0"), 0);
        System.out.println(without.line());
        DrillResult with = runOnce(options, directory.resolve("replica-acks-1"), 1);
        System.out.println(with.line());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("replicaAcks0", without.details());
        details.put("replicaAcks1", with.details());
        boolean ran = Boolean.TRUE.equals(without.details().get("killed"));
        return DrillResult.of(name(), with.holds() && ran, "users " + options.users() + "; replica-acks=0: lost "
                + without.details().get("lost") + ", double-counted " + without.details().get("doubleCounted")
                + "; replica-acks=1: lost " + with.details().get("lost") + ", double-counted "
                + with.details().get("doubleCounted") + (with.holds() ? "" : " (see its line)")
                + (ran ? "" : "; the run without replica acks did not kill a master"), details);
    }

    private DrillResult runOnce(DrillOptions options, Path directory, int replicaAcks) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("replicaAcks", replicaAcks);
        details.put("users", options.users());
        try (DrillEnv env = ClusterWorld.start(options, ClusterWorld.directory(directory), replicaAcks, List.of())) {
            CampaignUnderFault campaign = CampaignUnderFault.start(env, options.users(), 1).awaitTenthDelivered();

            Map.Entry<Integer, Long> victim = ClusterWorld.busiestMaster(env);
            int master = victim.getKey();
            String partition = ClusterWorld.partitionsByMaster(env).get(master).get(0);
            int replica = env.cluster.replicaOf(master);
            long deliveredBefore = campaign.watch.progress("delivered");
            long killedAt = System.nanoTime();
            env.cluster.kill(master);
            details.put("killed", true);
            Duration toWrites = ClusterWorld.untilWritable(replica, partition, killedAt, Duration.ofSeconds(60));
            Drills.say("killed master " + master + " (" + victim.getValue() + " open entries on its partitions, ~"
                    + deliveredBefore + " delivered); replica " + replica + " took writes after " + toWrites.toMillis() + " ms");

            Waits.pause(ALONE); // the promoted replica serves alone for a while, as it would until an operator acts
            env.cluster.restart(master);
            long restartedAt = System.nanoTime();
            env.cluster.awaitReady(Duration.ofMinutes(2));
            boolean rejoined = env.cluster.replicaOf(replica) == master;
            Duration toRejoin = Duration.ofNanos(System.nanoTime() - restartedAt);
            Drills.say("old master " + master + (rejoined ? " rejoined as replica of " : " did NOT rejoin as replica of ")
                    + replica + " after " + toRejoin.toMillis() + " ms");

            CampaignUnderFault.Outcome outcome = campaign.awaitEndOrStall(STALL);
            boolean carriedOn = env.stack.processes().stream().allMatch(ServiceProcess::alive);
            long lost = outcome.lost();
            long twice = outcome.doubleCounted();
            boolean holds = outcome.holds() && lost == 0 && twice == 0 && rejoined && carriedOn;
            outcome.details(details, CampaignUnderFault.figures("killedMaster", master, "promotedReplica", replica,
                    "openWorkAtKill", victim.getValue(), "killToWritesMillis", toWrites.toMillis(),
                    "rejoinedAsReplica", rejoined, "lost", lost, "doubleCounted", twice));
            String verdict = String.format("replica-acks=%d, users %d: killed master %d with %d open entries on its "
                            + "partitions; replica %d took writes %d ms after the kill; old master %s; %s%s", replicaAcks,
                    options.users(), master, victim.getValue(), replica, toWrites.toMillis(),
                    rejoined ? "rejoined as replica" : "did NOT rejoin", outcome.tally(),
                    outcome.problems() + (carriedOn ? "" : "; a service process died"));
            return DrillResult.of(name(), holds, verdict, details);
        } catch (RuntimeException e) {
            details.putIfAbsent("killed", false);
            details.put("lost", "?");
            details.put("doubleCounted", "?");
            return DrillResult.of(name(), false, "replica-acks=" + replicaAcks + ": could not run: " + e, details);
        }
    }
}
