package io.herald.bench.seed;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.StreamKeys;
import io.herald.testsupport.FreePorts;
import io.herald.testsupport.RedisServerProcess;
import io.herald.testsupport.ServiceProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Seeds users through the real user-service jar (launched as a process against a redis-server of
 * its own) and measures: seeding time (the service's own {@code Seeded n users in m ms} line),
 * Redis memory per user ({@code used_memory} delta / users), and audience resolution rate (a
 * {@code campaign_campaign_created} for a category appended to {@code campaigns}, timed until its
 * last batch is on {@code audiences}).
 *
 * <p>Usage: {@code java -cp bench/target/bench.jar io.herald.bench.seed.SeedBench [users] [category]
 * [runs] [user-service jar]} ({@link SeedOptions}; {@code --help}); defaults 100000, Finance, 3,
 * {@code user-service/target/user-service-*.jar}.
 *
 * <p>Over 200 lines on purpose: a command-line tool's sequence (start Redis, launch the jar,
 * measure seeding, memory and resolution), read top to bottom.
 */
public final class SeedBench {

    private static final Pattern SEEDED = Pattern.compile("Seeded (\\d+) users in (\\d+) ms");
    private static final Pattern STARTED = Pattern.compile("Started UserServiceApplication in ([0-9.]+) seconds");
    private static final EventCodec CODEC = new EventCodec();

    private SeedBench() {
    }

    public static void main(String[] args) throws Exception {
        SeedOptions options = SeedOptions.parseOrExit(args);
        long users = options.users();
        String category = options.category();
        int runs = options.runs();
        Path jar = options.jar() != null ? options.jar() : findJar();
        try (RedisServerProcess redisServer = RedisServerProcess.startOnFreePort(RedisServerProcess.binary());
             RedisClient client = RedisClient.create(redisServer.url());
             StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            System.out.printf("load average %s; redis-server %s at %s; user-service %s%n", loadAverage(), redis.info("server").lines()
                    .filter(l -> l.startsWith("redis_version:")).findFirst().orElse("?"), redisServer.url(), jar);
            long memoryBefore = usedMemory(redis);
            Map<String, String> env = new LinkedHashMap<>(ServiceProcess.redisEnvironment(redisServer.url()));
            env.put("HERALD_API_KEY", "bench");
            env.put("HERALD_USERS_SEED_COUNT", Long.toString(users));
            Path log = Path.of("bench", "results", "seed-bench-user-service-" + System.currentTimeMillis() + ".log");
            long launched = System.nanoTime();
            try (ServiceProcess service = new ServiceProcess("user-service", jar, FreePorts.next(), env,
                    List.of("-Xms512m", "-Xmx1g"), log).launch()) {
                measure(redis, service, users, category, runs, memoryBefore, launched);
            } finally {
                System.out.println("user-service output: " + log.toAbsolutePath());
            }
        }
    }

    private static void measure(RedisCommands<String, String> redis, ServiceProcess service, long users,
                                String category, int runs, long memoryBefore, long launched) {
        Matcher started = service.awaitLogLine(STARTED, Duration.ofMinutes(10));
        long serviceCpuBefore = cpuMillis(service);
        long redisCpuBefore = redisCpuMillis(redis);
        Matcher seeded = service.awaitLogLine(SEEDED, Duration.ofMinutes(20));
        long serviceCpu = cpuMillis(service) - serviceCpuBefore;
        long redisCpu = redisCpuMillis(redis) - redisCpuBefore;
        double sinceLaunch = (System.nanoTime() - launched) / 1e9;
        long seededUsers = Long.parseLong(seeded.group(1));
        long seedMillis = Long.parseLong(seeded.group(2));
        long memoryAfter = usedMemory(redis);
        System.out.printf("service started in %s s; seeding: %d users in %d ms = %.0f users/s "
                        + "(%.1f s from process launch)%n", started.group(1), seededUsers, seedMillis,
                seededUsers * 1000.0 / seedMillis, sinceLaunch);
        // CPU time does not grow with the machine's load the way wall time does
        System.out.printf("seeding CPU: user-service %d ms (from its start-up line on), redis-server %d ms%n",
                serviceCpu, redisCpu);
        System.out.printf("redis memory: %.1f MB for %d users = %.0f bytes/user "
                        + "(user hash ~%.0f B, category index entries %.0f B/user)%n",
                (memoryAfter - memoryBefore) / 1e6, users, (memoryAfter - memoryBefore) / (double) users,
                sampledHashBytes(redis), indexBytes(redis) / (double) users);

        long audience = redis.zcard(StreamKeys.categoryMembers(category));
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            rates.add(resolve(redis, service, category, run, audience));
        }
        System.out.printf("audience resolution of %s (%d members): best %.0f recipients/s over %d runs%n",
                category, audience, rates.stream().mapToDouble(Double::doubleValue).max().orElse(0), runs);
        System.out.println("user-service said:");
        service.logLines(Pattern.compile("Seeding|Seeded|vocabulary|audience of category"))
                .forEach(line -> System.out.println("  " + line));
        System.out.printf("load average %s%n", loadAverage());
    }

    /** Appends a campaign for {@code category} and times it until its last batch is out; returns recipients/s. */
    private static double resolve(RedisCommands<String, String> redis, ServiceProcess service, String category,
                                  int run, long audience) {
        String campaignId = "bench-" + UUID.randomUUID();
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("campaignId", campaignId);
        campaign.put("name", "bench " + run);
        campaign.put("category", category);
        campaign.put("subject", "Bench");
        campaign.put("message", "Measuring audience resolution");
        campaign.put("channels", List.of());
        String from = lastId(redis);
        long serviceCpuBefore = cpuMillis(service);
        long redisCpuBefore = redisCpuMillis(redis);
        long start = System.nanoTime();
        redis.xadd(StreamKeys.CAMPAIGNS, CODEC.envelope(EventNames.CAMPAIGN_CREATED, campaign).toFields());
        long recipients = 0;
        int batches = 0;
        boolean last = false;
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (!last) {
            List<StreamMessage<String, String>> read = redis.xread(XReadArgs.Builder.block(Duration.ofSeconds(10)).count(100),
                    XReadArgs.StreamOffset.from(StreamKeys.AUDIENCES, from));
            if (read.isEmpty() && System.nanoTime() > deadline) {
                throw new IllegalStateException("campaign " + campaignId + " not resolved within 5 minutes");
            }
            for (StreamMessage<String, String> message : read) {
                from = message.getId();
                JsonNode data = CODEC.mapper().readTree(EventEnvelope.fromFields(message.getBody()).data());
                if (campaignId.equals(data.get("campaignId").asString())) {
                    recipients += data.get("recipients").size();
                    batches++;
                    last |= data.get("lastBatch").asBoolean();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long serviceCpu = cpuMillis(service) - serviceCpuBefore;
        long redisCpu = redisCpuMillis(redis) - redisCpuBefore;
        if (recipients != audience) {
            throw new IllegalStateException("campaign " + campaignId + " reached " + recipients + " of " + audience);
        }
        double rate = recipients / seconds;
        System.out.printf("run %d: %d recipients in %d batches in %.0f ms = %.0f recipients/s "
                        + "(CPU: user-service %d ms, redis-server %d ms)%n", run, recipients, batches, seconds * 1000,
                rate, serviceCpu, redisCpu);
        return rate;
    }

    private static String lastId(RedisCommands<String, String> redis) {
        if (redis.exists(StreamKeys.AUDIENCES) == 0) {
            return "0-0";
        }
        var last = redis.xrevrange(StreamKeys.AUDIENCES, io.lettuce.core.Range.create("-", "+"),
                io.lettuce.core.Limit.create(0, 1));
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** CPU time the service process has used so far, in ms (user + system, all threads); -1 if unknown. */
    private static long cpuMillis(ServiceProcess service) {
        return ProcessHandle.of(service.pid()).flatMap(handle -> handle.info().totalCpuDuration())
                .map(Duration::toMillis).orElse(-1L);
    }

    private static long redisCpuMillis(RedisCommands<String, String> redis) {
        double seconds = redis.info("cpu").lines()
                .filter(l -> l.startsWith("used_cpu_user:") || l.startsWith("used_cpu_sys:"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim())).sum();
        return Math.round(seconds * 1000);
    }

    private static long usedMemory(RedisCommands<String, String> redis) {
        return redis.info("memory").lines().filter(l -> l.startsWith("used_memory:"))
                .map(l -> Long.parseLong(l.substring("used_memory:".length()).trim())).findFirst().orElseThrow();
    }

    /** Average {@code MEMORY USAGE} of 1000 user hashes spread over the id range. */
    private static double sampledHashBytes(RedisCommands<String, String> redis) {
        long highest = Long.parseLong(redis.get(StreamKeys.USER_IDS));
        long total = 0;
        int samples = 0;
        for (long id = 1; id <= highest; id += Math.max(1, highest / 1000)) {
            Long bytes = redis.memoryUsage(StreamKeys.user(Long.toString(id)));
            if (bytes != null) {
                total += bytes;
                samples++;
            }
        }
        return samples == 0 ? 0 : total / (double) samples;
    }

    private static long indexBytes(RedisCommands<String, String> redis) {
        long total = 0;
        for (String category : redis.smembers(StreamKeys.CATEGORIES)) {
            Long bytes = redis.memoryUsage(StreamKeys.categoryMembers(category));
            total += bytes == null ? 0 : bytes;
        }
        return total;
    }

    private static Path findJar() throws java.io.IOException {
        for (Path dir : List.of(Path.of("user-service", "target"), Path.of("..", "user-service", "target"))) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    var jar = files.filter(p -> p.getFileName().toString().matches("user-service-.*\\.jar")).findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                }
            }
        }
        throw new IllegalStateException("no user-service jar: build it (./mvnw -pl user-service -am package) "
                + "or pass its path as the fourth argument");
    }
}
