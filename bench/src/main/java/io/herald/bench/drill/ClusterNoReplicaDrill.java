package io.herald.bench.drill;

import io.herald.bench.e2e.HeraldApi;
import io.herald.bench.e2e.Stack;
import io.herald.bench.e2e.Waits;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.StreamKeys;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.SlotHash;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 15, faults beyond one master: a master and its replica are both killed, so no node serves
 * their slots (the nodes run with {@code cluster-require-full-coverage no} and AOF
 * {@code appendfsync always}). The HTTP queue API is asked to publish to a queue in those slots and
 * to one elsewhere: the first must answer 503 problem+json, the second keep answering 201. When the
 * two nodes return, the first answers 201 again without any service restart. Holds when that is so
 * and every message acknowledged with 201 is in its queue afterwards.
 */
final class ClusterNoReplicaDrill implements Drill {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "cluster-no-replica";
    }

    @Override
    public DrillResult run(DrillOptions options, Path directory) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> redisArguments = List.of("--cluster-require-full-coverage", "no",
                "--appendonly", "yes", "--appendfsync", "always");
        try (DrillEnv env = ClusterWorld.start(options, directory, 0, redisArguments)) {
            env.start(Math.min(options.users(), 1000), 1, List.of());
            // not the master of the API keys' slot: requests authenticate there before anything else
            int apiKeys = env.cluster.ownerOf(SlotHash.getSlot("{api-keys}"));
            int victim = env.cluster.masterPorts().stream().filter(port -> port != apiKeys).findFirst().orElseThrow();
            String down = queueOn(env, victim, true);
            String up = queueOn(env, victim, false);
            Map<String, Set<String>> acknowledged = new LinkedHashMap<>();
            acknowledged.put(down, new HashSet<>());
            acknowledged.put(up, new HashSet<>());
            publish(env.api, env, down, acknowledged);
            publish(env.api, env, up, acknowledged);

            int replica = env.cluster.replicaOf(victim);
            env.cluster.kill(replica);
            env.cluster.kill(victim);
            Drills.say("killed master " + victim + " and its replica " + replica + ": queue '" + down
                    + "' has no node, queue '" + up + "' has");
            boolean unavailable = Waits.within(PATIENCE, Duration.ofMillis(200), () -> {
                HeraldApi.Answer answer = publish(env.api, env, down, acknowledged);
                return answer.status() == 503 && answer.contentType().contains("application/problem+json");
            });
            int served = 0;
            for (int i = 0; i < 20; i++) {
                served += publish(env.api, env, up, acknowledged).status() == 201 ? 1 : 0;
            }
            Drills.say("while down: '" + down + "' " + (unavailable ? "answers 503 problem+json" : "did NOT answer 503")
                    + ", '" + up + "' took " + served + " of 20");

            env.cluster.restart(victim);
            env.cluster.restart(replica);
            env.cluster.awaitReady(Duration.ofMinutes(2));
            long back = System.nanoTime();
            boolean resumed = Waits.within(PATIENCE, Duration.ofMillis(200),
                    () -> publish(env.api, env, down, acknowledged).status() == 201);
            long resumeMillis = (System.nanoTime() - back) / 1_000_000;
            boolean servicesAlive = env.stack.processes().stream().allMatch(p -> p.alive());

            long lost = 0;
            long published = 0;
            for (Map.Entry<String, Set<String>> queue : acknowledged.entrySet()) {
                Set<String> stored = new HashSet<>();
                for (StreamMessage<String, String> message : env.access.sync().xrange(StreamKeys.queue(queue.getKey()),
                        Range.create("-", "+"))) {
                    stored.add(message.getBody().get(EventEnvelope.ID));
                }
                published += queue.getValue().size();
                lost += queue.getValue().stream().filter(id -> !stored.contains(id)).count();
            }
            boolean holds = unavailable && served == 20 && resumed && servicesAlive && lost == 0;
            details.put("killed", List.of(victim, replica));
            details.put("downQueue", down);
            details.put("upQueue", up);
            details.put("answered503", unavailable);
            details.put("servedWhileDown", served);
            details.put("resumed", resumed);
            details.put("resumeMillis", resumeMillis);
            details.put("acknowledged", published);
            details.put("lost", lost);
            String verdict = String.format("master %d and replica %d killed: queue in their slots %s, other queue took "
                            + "%d of 20; after the nodes returned it took writes again %s (%d ms after ready); %d "
                            + "messages acknowledged 201, %d lost%s", victim, replica,
                    unavailable ? "answered 503 problem+json" : "did NOT answer 503", served,
                    resumed ? "without a restart" : "NOT", resumeMillis, published, lost,
                    servicesAlive ? "" : "; a service process died");
            return DrillResult.of(name(), holds, verdict, details);
        }
    }

    /** A queue name whose stream is served by the master on {@code port} ({@code onIt}) or by another master. */
    private static String queueOn(DrillEnv env, int port, boolean onIt) {
        for (int i = 0; i < 1000; i++) {
            String name = "drill-" + i;
            boolean there = env.cluster.ownerOf(SlotHash.getSlot(StreamKeys.queue(name))) == port;
            if (there == onIt) {
                return name;
            }
        }
        throw new IllegalStateException("no queue name found " + (onIt ? "on" : "off") + " master " + port);
    }

    /** Publishes one message; a 201's id is recorded as acknowledged. */
    private static HeraldApi.Answer publish(HeraldApi api, DrillEnv env, String queue, Map<String, Set<String>> acknowledged) {
        HeraldApi.Answer answer;
        try {
            answer = api.send("POST", env.stack.url(Stack.WORKERS) + "/api/v1/queues/" + queue + "/messages",
                    Map.of("n", acknowledged.get(queue).size()));
        } catch (RuntimeException timeout) {
            return new HeraldApi.Answer(0, "", null, timeout.toString());
        }
        if (answer.status() == 201 && answer.body() != null) {
            acknowledged.get(queue).add(answer.body().path("id").asString());
        }
        return answer;
    }
}
