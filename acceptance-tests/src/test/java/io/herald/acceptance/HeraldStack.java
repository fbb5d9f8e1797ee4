package io.herald.acceptance;

import io.herald.testsupport.FreePorts;
import io.herald.testsupport.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four Herald services as separate {@code java -jar} processes on free ports against one
 * Redis, as an operator runs them (test-support's {@link ServiceProcess}). Logs go to
 * {@code target/acceptance-logs/}.
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

    private static final List<String> JAVA_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

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
            for (ServiceProcess process : stack.processes.values()) {
                process.awaitHealthy(Duration.ofSeconds(300));
            }
            return stack;
        } catch (RuntimeException e) {
            stack.printLogTails();
            stack.close();
            throw e;
        }
    }

    private void launch(Service service, String redisUrl, int smtpPort, Map<String, String> extraEnv, String name) {
        Path jar = ServiceProcess.jar(Path.of(".."), service.module);
        Path log = Path.of("target", "acceptance-logs", name + "-" + service.module + ".log");
        try {
            Files.deleteIfExists(log); // a fresh log per run: tests read it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>(ServiceProcess.redisEnvironment(redisUrl));
        env.put("HERALD_API_KEY", API_KEY);
        env.put("HERALD_UNSUBSCRIBE_SECRET", UNSUBSCRIBE_SECRET);
        // the unsubscribe links in mail point at user-service
        env.put("HERALD_PUBLIC_URL", "http://127.0.0.1:" + ports.get(Service.USER));
        env.put("HERALD_INSTANCE_ID", name + "-" + service.module);
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
        // where the console (campaign-service) reaches the other two services
        env.put("HERALD_USERS_URL", "http://127.0.0.1:" + ports.get(Service.USER));
        env.put("HERALD_WORKERS_URL", "http://127.0.0.1:" + ports.get(Service.WORKERS));
        env.putAll(extraEnv);
        processes.put(service, new ServiceProcess(service.module, jar, ports.get(service), env, JAVA_OPTIONS, log).launch());
    }

    URI url(Service service, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(service) + path);
    }

    Path log(Service service) {
        return processes.get(service).log();
    }

    void printLogTails() {
        processes.values().forEach(process -> System.err.println("---- " + process.name() + " (" + process.log()
                + ") ----\n" + process.logTail(40)));
    }

    @Override
    public void close() {
        ServiceProcess.stopAll(processes.values());
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }
}
