package io.herald.bench.drill;

import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.Waits;
import io.herald.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Drill 1: a campaign with two channel-workers processes; one of them is killed with
 * {@code kill -9} three times at random moments and restarted each time. Holds when every
 * targeted notification is settled and counted once, and duplicate sends stay within what the
 * killed process had in flight (its pending entries) at each kill.
 */
final class WorkerCrashDrill implements Drill {

    static final int KILLS = 3;

    @Override
    public String name() {
        return "worker-crash";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        try (DrillEnv env = new DrillEnv(options, directory, null)) {
            CampaignUnderFault campaign = CampaignUnderFault.start(env, options.users(), 2);
            CampaignWatch watch = campaign.watch;
            Random random = new Random(options.seed());
            List<Map<String, Object>> kills = new ArrayList<>();
            long inFlightBound = 0;
            long deadline = System.nanoTime() + options.drillTimeout().toNanos();
            for (int k = 1; k <= KILLS && System.nanoTime() < deadline; k++) {
                Waits.pause(Duration.ofMillis(500 + random.nextInt(2500)));
                watch.refresh();
                if ("COMPLETED".equals(watch.status())) {
                    Drills.say("campaign completed before kill " + k);
                    break;
                }
                // a process still starting after an earlier kill is not a victim: it has no work in flight
                List<ServiceProcess> healthy = env.workers().stream().filter(ServiceProcess::healthy).toList();
                if (healthy.isEmpty()) {
                    k--; // this moment had no victim: draw another
                    continue;
                }
                ServiceProcess victim = healthy.get(random.nextInt(healthy.size()));
                long deliveredBefore = watch.progress("delivered");
                victim.kill();
                long inFlight = Consumers.pending(env.access, options.channels(), victim.name());
                inFlightBound += inFlight;
                victim.launch(); // restarted at once; the drill goes on while it starts
                Drills.say("kill " + k + ": " + victim.name() + " after ~" + deliveredBefore + " delivered, "
                        + inFlight + " entries in flight; restarting");
                kills.add(Map.of("process", victim.name(), "deliveredBefore", deliveredBefore, "inFlight", inFlight));
            }
            env.workers().forEach(worker -> worker.awaitHealthy(options.startTimeout()));
            CampaignUnderFault.Outcome outcome = campaign.awaitEnd();
            long duplicates = outcome.books().duplicateSends().values().stream().mapToLong(Long::longValue).sum();
            boolean holds = outcome.holds() && kills.size() == KILLS && duplicates <= inFlightBound;
            Map<String, Object> details = outcome.details(new LinkedHashMap<>(), CampaignUnderFault.figures("kills", kills,
                    "duplicateSends", duplicates, "inFlightAtKills", inFlightBound));
            String verdict = String.format("%d of %d kills before the campaign ended, %s; duplicate sends %d (bound: %d "
                            + "in flight at the kills)%s", kills.size(), KILLS, outcome.books().summary(), duplicates,
                    inFlightBound, outcome.problems());
            return DrillResult.of(name(), holds, verdict, details);
        }
    }

    static String problems(boolean ended, Accounting books, CampaignWatch watch) {
        List<String> problems = new ArrayList<>(books.problems());
        if (!ended) {
            problems.add(0, "campaign not ended (status " + watch.status() + ")");
        }
        return problems.isEmpty() ? "" : "; PROBLEMS: " + String.join("; ", problems);
    }
}
