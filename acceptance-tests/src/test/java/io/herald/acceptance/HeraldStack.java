package io.herald.acceptance;

import static org.awaitility.Awaitility.await;

import io.herald.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The four Herald services as separate {@code java -jar} processes on free ports against one
 * Redis, as an operator runs them. Logs go to {@code target/acceptance-logs/}.
 */
final class HeraldStack implements AutoCloseable {

    static final String API_KEY = "acceptance-key";
    static final String UNSUBSCRIBE_SECRET = "acceptance-unsubscribe-secret";

    enum Service {
        USER("user-service"), CAMPAIGN("campaign-service"), NOTIFICATION("notification-service"),
        WORKERS("channel-workers");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    private final Map<Service, Process> processes = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, Path> logs = new EnumMap<>(Service.class);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Starts all four services and waits until each is ready.
     *
     * @param redisUrl the Redis every service uses: one URL, or the comma-separated node URLs of a
     *     cluster (passed on as {@code SPRING_DATA_REDIS_CLUSTER_NODES})
     * @param smtpPort the SMTP server channel-workers sends e-mail to
     * @param extraEnv more environment for every service (e.g. shorter claim timeouts)
     */
    static HeraldStack start(String redisUrl, int smtpPort, Map<String, String> extraEnv, String name) {
        return start(redisUrl, smtpPort, extraEnv, Map.of(), name);
    }

    /**
     * Starts all four services, each with {@code extraEnv} plus its own entries of
     * {@code perService} (e.g. its Redis ACL user), and waits until each is ready.
     */
    static HeraldStack start(String redisUrl, int smtpPort, Map<String, String> extraEnv,
                             Map<Service, Map<String, String>> perService, String name) {
        HeraldStack stack = new HeraldStack();
        try {
            for (Service service : Service.values()) {
                stack.ports.put(service, FreePorts.next());
            }
            for (Service service : Service.values()) {
                Map<String, String> env = new HashMap<>(extraEnv);
                env.putAll(perService.getOrDefault(service, Map.of()));
                stack.launch(service, redisUrl, smtpPort, env, name);
            }
            for (Service service : Service.values()) {
                stack.awaitReady(service, Duration.ofSeconds(300));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.printLogTails();
            stack.close();
            throw e;
        }
    }

    private void launch(Service service, String redisUrl, int smtpPort, Map<String, String> extraEnv, String name) {
        Path jar = Path.of("..", service.module, "target", service.module + "-0.1.0-SNAPSHOT.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("missing " + jar + ": build the services first (./mvnw -B verify builds them)");
        }
        int port = ports.get(service);
        Path log = Path.of("target", "acceptance-logs", name + "-" + service.module + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        if (redisUrl.contains(",")) {
            env.put("SPRING_DATA_REDIS_CLUSTER_NODES", redisUrl.replace("redis://", ""));
        } else {
            env.put("SPRING_DATA_REDIS_URL", redisUrl);
            env.put("REDIS_URL", redisUrl);
        }
        env.put("HERALD_API_KEY", API_KEY);
        env.put("HERALD_UNSUBSCRIBE_SECRET", UNSUBSCRIBE_SECRET);
        // user-service is launched first: the unsubscribe links in mail point at it
        if (ports.containsKey(Service.USER)) {
            env.put("HERALD_PUBLIC_URL", "http://127.0.0.1:" + ports.get(Service.USER));
        }
        env.put("HERALD_INSTANCE_ID", name + "-" + service.module);
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        // where the console (campaign-service) reaches the other two services
        env.put("HERALD_USERS_URL", "http://127.0.0.1:" + ports.get(Service.USER));
        env.put("HERALD_WORKERS_URL", "http://127.0.0.1:" + ports.get(Service.WORKERS));
        env.putAll(extraEnv);
        try {
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module, e);
        }
        logs.put(service, log);
    }

    private void awaitReady(Service service, Duration timeout) {
        await(service.module + " ready").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!processes.get(service).isAlive()) {
                        throw new IllegalStateException(service.module + " exited during start-up");
                    }
                    return ready(service);
                });
    }

    private boolean ready(Service service) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(url(service, "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    URI url(Service service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(service) + path);
    }

    Path log(Service service) {
        return logs.get(service);
    }

    void printLogTails() {
        logs.forEach((service, log) -> {
            try {
                List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
                System.err.println("---- " + service.module + " (" + log + ") ----");
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
            } catch (IOException e) {
                System.err.println("cannot read " + log);
            }
        });
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
