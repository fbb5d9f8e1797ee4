package io.herald.bench.drill;

import io.herald.bench.e2e.Audience;
import io.herald.bench.e2e.CampaignWatch;
import io.herald.bench.e2e.Waits;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The skeleton the campaign drills share (worker-crash, cluster-failover, cluster-reshard): the
 * world's services start, a campaign goes to the largest audience, the drill strikes while it
 * runs (at once, or once a tenth of the audience is delivered), then waits for the campaign to
 * settle and reads {@link Outcome the books}. What a drill breaks and what it checks stay in the
 * drill.
 */
final class CampaignUnderFault {

    private static final List<String> OUTCOMES = List.of("delivered", "failed", "deadLettered", "cancelled", "skipped");

    final DrillEnv env;
    final Audience audience;
    final CampaignWatch watch;

    private CampaignUnderFault(DrillEnv env, Audience audience, CampaignWatch watch) {
        this.env = env;
        this.audience = audience;
        this.watch = watch;
    }

    /** Starts the world's services ({@code users} seeded, {@code workers} channel-workers) and creates the campaign. */
    static CampaignUnderFault start(DrillEnv env, int users, int workers) {
        env.start(users, workers, List.of());
        Audience audience = env.audience();
        return new CampaignUnderFault(env, audience,
                CampaignWatch.create(env.api, audience.category(), env.options.channels()));
    }

    /** Waits (at most the drill's timeout) until a tenth of the audience is delivered: the campaign is in full flow. */
    CampaignUnderFault awaitTenthDelivered() {
        long threshold = Math.max(1, audience.members() / 10);
        watch.awaitUntil(c -> watch.progress("delivered") >= threshold, env.options.drillTimeout());
        return this;
    }

    /** Waits (at most the drill's timeout) until the campaign ended; then reads the books. */
    Outcome awaitEnd() {
        return outcome(watch.awaitEnd(env.options.drillTimeout()));
    }

    /**
     * Waits until the campaign ended, or its counters stopped moving for {@code stall} (a campaign
     * that lost work may never end), or the drill's timeout; then reads the books.
     */
    Outcome awaitEndOrStall(Duration stall) {
        long deadline = System.nanoTime() + env.options.drillTimeout().toNanos();
        long lastChange = System.nanoTime();
        long lastSum = -1;
        while (System.nanoTime() < deadline) {
            watch.refresh();
            if (List.of("COMPLETED", "CANCELLED").contains(watch.status())) {
                return outcome(true);
            }
            long sum = watch.progress("targeted");
            for (String field : OUTCOMES) {
                sum += watch.progress(field);
            }
            if (sum != lastSum) {
                lastSum = sum;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > stall.toNanos()) {
                Drills.say("campaign " + watch.id() + " stalled at status " + watch.status() + " for " + stall);
                return outcome(false);
            }
            Waits.pause(Duration.ofMillis(500));
        }
        return outcome(false);
    }

    private Outcome outcome(boolean ended) {
        return new Outcome(watch, ended, Accounting.of(env, watch.id(), audience.members()));
    }

    /** How the campaign ended up: whether it ended, and its books. */
    record Outcome(CampaignWatch watch, boolean ended, Accounting books) {

        /**
         * Notifications lost: recipients of the category never resolved into an audience batch, plus
         * (recipient, channel) pairs of the batches without an outcome record.
         */
        long lost() {
            long lost = Math.max(0, books.subscribers() - books.resolved());
            for (Map.Entry<String, Long> expected : books.expected().entrySet()) {
                lost += Math.max(0, expected.getValue() - books.ledgers().get(expected.getKey()).records());
            }
            return lost;
        }

        /** Counted twice: counters above the outcome records, or targeted above the audience. */
        long doubleCounted() {
            long twice = 0;
            for (Map.Entry<String, Long> expected : books.expected().entrySet()) {
                var ledger = books.ledgers().get(expected.getKey());
                twice += Math.max(0, ledger.settled() - ledger.records())
                        + Math.max(0, ledger.targeted() - expected.getValue());
            }
            return twice;
        }

        /** {@code "campaign <status>; lost <n>, double-counted <n>; <books>"}, as the cluster drills' verdicts say it. */
        String tally() {
            return String.format("campaign %s; lost %d, double-counted %d; %s", watch.status(), lost(), doubleCounted(),
                    books.summary());
        }

        /** The campaign ended and its books balance. */
        boolean holds() {
            return ended && books.holds();
        }

        /** {@code "; PROBLEMS: …"} when the campaign did not end or the books do not balance, else empty. */
        String problems() {
            return WorkerCrashDrill.problems(ended, books, watch);
        }

        /** The details of a verdict: the campaign and its status, then {@code figures} in order, then the books. */
        Map<String, Object> details(Map<String, Object> details, Map<String, Object> figures) {
            details.put("campaign", watch.id());
            details.put("status", watch.status());
            details.putAll(figures);
            details.put("books", books);
            return details;
        }
    }

    /** An insertion-ordered map of {@code key, value, …} pairs, for {@link Outcome#details}. */
    static Map<String, Object> figures(Object... keysAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            figures.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return figures;
    }
}
