package io.herald.bench.e2e;

import io.herald.testsupport.FreePorts;
import io.herald.testsupport.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Herald's four services as separate JVMs against the bench's Redis and SMTP sink, each on a free
 * port. A service may run as several processes (e.g. two {@code channel-workers}); each process
 * has a stable name, which is also its {@code HERALD_INSTANCE_ID}, so a restarted process takes its
 * own pending entries back at once.
 *
 * <p>Not thread-safe: one owner drives it.
 */
public final class Stack implements AutoCloseable {

    public static final String USERS = "user-service";
    public static final String CAMPAIGNS = "campaign-service";
    public static final String NOTIFICATIONS = "notification-service";
    public static final String WORKERS = "channel-workers";
    public static final List<String> MODULES = List.of(USERS, CAMPAIGNS, NOTIFICATIONS, WORKERS);

    /** {@code Seeded 100000 users in 2345 ms}: user-service's line at the end of seeding. */
    public static final Pattern SEEDED = Pattern.compile("Seeded (\\d+) users in (\\d+) ms");

    /**
     * @param root the repository (holding {@code <module>/target/<module>-0.1.0-SNAPSHOT.jar})
     * @param logs where each process's log file goes
     * @param redisUrl one Redis, or the comma-separated node URLs of a cluster
     * @param channels {@code HERALD_CHANNELS} of every service
     * @param javaOptions the JVM flags of every service
     */
    public record Settings(Path root, Path logs, String redisUrl, int smtpPort, String apiKey, List<String> channels,
                           List<String> javaOptions) {
    }

    // as start.sh: a service recording its class data sharing archive writes it as it exits
    private static final Duration ARCHIVE_PATIENCE = Duration.ofSeconds(90);

    private final Settings settings;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private ClassDataSharing classDataSharing;
    private final Map<String, Boolean> archived = new LinkedHashMap<>();

    public Stack(Settings settings) {
        this.settings = settings;
    }

    /**
     * Defines a process of {@code module} named {@code name} (not launched yet).
     *
     * @param environment extra environment (e.g. {@code HERALD_USERS_SEED_COUNT})
     * @param extraJavaOptions flags after the common ones (e.g. a flight recording)
     */
    public ServiceProcess define(String name, String module, Map<String, String> environment,
                                 List<String> extraJavaOptions) {
        Path jar = ServiceProcess.jar(settings.root(), module);
        Map<String, String> env = new HashMap<>(ServiceProcess.redisEnvironment(settings.redisUrl()));
        env.put("HERALD_API_KEY", settings.apiKey());
        env.put("HERALD_CHANNELS", String.join(",", settings.channels()));
        env.put("HERALD_INSTANCE_ID", name);
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", Integer.toString(settings.smtpPort()));
        env.putAll(environment);
        List<String> options = new ArrayList<>(settings.javaOptions());
        if (classDataSharing != null) {
            // extra flags are a flight recording, which the JVM switches off while it records an archive
            boolean mayRecord = extraJavaOptions.isEmpty();
            ClassDataSharing.Launch launch = classDataSharing.prepare(module, jar, settings.javaOptions(), mayRecord);
            jar = launch.jar();
            options.addAll(launch.javaOptions());
            if (launch.archived() || mayRecord) {
                archived.put(name, launch.archived());
            }
        }
        options.addAll(extraJavaOptions);
        // as start.sh: two malloc arenas keep freed native memory from piling up per thread
        env.putIfAbsent("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "2"));
        ServiceProcess process = new ServiceProcess(name, jar, FreePorts.next(), env, options,
                settings.logs().resolve(name + ".log"));
        processes.put(name, process);
        return process;
    }

    /** Launches a defined process and waits for its health; returns its start-up time. */
    public Duration start(String name, Duration timeout) {
        return get(name).launch().awaitHealthy(timeout);
    }

    public ServiceProcess get(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            throw new IllegalArgumentException("no process " + name);
        }
        return process;
    }

    /**
     * The base URL of process {@code name}, else of the first process whose name starts with it
     * ({@code channel-workers} finds {@code channel-workers-1}).
     */
    public String url(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            process = processes.values().stream().filter(p -> p.name().startsWith(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no process " + name));
        }
        return process.baseUrl();
    }

    public List<ServiceProcess> processes() {
        return List.copyOf(processes.values());
    }

    /** Runs the services from extracted jars with class data sharing archives kept in {@code directory}. */
    public void useClassDataSharing(Path directory) {
        this.classDataSharing = new ClassDataSharing(directory);
    }

    /** Per process launched with class data sharing: whether it had an archive (false: it records one). */
    public Map<String, Boolean> archived() {
        return Map.copyOf(archived);
    }

    public Settings settings() {
        return settings;
    }

    /** Stops every process. */
    @Override
    public void close() {
        // as start.sh: a service recording its class data sharing archive writes it as it exits,
        // which on a loaded machine takes longer than the usual 30 s
        ServiceProcess.stopAll(processes.values(), ARCHIVE_PATIENCE);
    }
}
