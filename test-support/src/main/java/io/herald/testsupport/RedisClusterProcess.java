package io.herald.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of {@code redis-server} processes on 127.0.0.1: 3 masters and 3 replicas,
 * created with {@code redis-cli --cluster create … --cluster-replicas 1}, without persistence (each
 * node keeps only its {@code nodes.conf}, so a stopped cluster starts again as the same cluster,
 * empty). Ready means {@code cluster_state:ok} and all 16384 slots served on every node, and every
 * master with an online replica.
 *
 * <p>{@link #url()} is the comma-separated list of the nodes' URLs, which
 * {@code RedisConnections.createFor} reads as a cluster. Not thread-safe for stop/start.
 *
 * <p>Over 200 lines on purpose: starting six nodes, creating the cluster, waiting for every node
 * to agree and stopping them are one lifecycle that tests drive as a whole.
 */
public final class RedisClusterProcess implements TestRedis {

    private static final int NODES = 6;
    private static final String NODE_TIMEOUT_MS = "2000";

    private final Path root;
    private final List<RedisServerProcess> nodes;

    private RedisClusterProcess(Path root, List<RedisServerProcess> nodes) {
        this.root = root;
        this.nodes = nodes;
    }

    /** Starts six nodes on free ports (each port and its bus port, +10000), creates the cluster and waits until it is ready. */
    public static RedisClusterProcess start(Path binary) {
        return start(binary, List.of());
    }

    /**
     * As {@link #start(Path)}, with {@code extraArguments} for every node (e.g. {@code --appendonly yes}),
     * and the nodes' files under a new directory in {@code java.io.tmpdir}.
     */
    public static RedisClusterProcess start(Path binary, List<String> extraArguments) {
        Path root;
        try {
            root = Files.createTempDirectory("herald-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a directory for the cluster", e);
        }
        List<RedisServerProcess> nodes = new ArrayList<>();
        RedisClusterProcess cluster = new RedisClusterProcess(root, nodes);
        try {
            for (int port : freePorts()) {
                Path directory = Files.createDirectories(root.resolve(Integer.toString(port)));
                List<String> arguments = new ArrayList<>(List.of("--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", NODE_TIMEOUT_MS));
                arguments.addAll(extraArguments);
                nodes.add(RedisServerProcess.start(binary, port, directory, arguments));
            }
            List<String> create = new ArrayList<>(List.of("--cluster", "create"));
            nodes.forEach(node -> create.add("127.0.0.1:" + node.port()));
            create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
            RedisCli.run(binary, create);
            ClusterReadiness.await(cluster.ports(), NODES, Duration.ofSeconds(60));
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** The lowest port a node may get; {@link FreePorts} stays below it. */
    static final int FIRST_NODE_PORT = 20000;

    /** Ports whose bus port (+10000) is free too, in a range away from the ephemeral ports. */
    private static List<Integer> freePorts() {
        List<Integer> ports = new ArrayList<>();
        int start = FIRST_NODE_PORT + ThreadLocalRandom.current().nextInt(0, 9000);
        for (int port = start; ports.size() < NODES && port < 29990; port++) {
            if (FreePorts.free(port) && FreePorts.free(port + 10000)) {
                ports.add(port);
            }
        }
        if (ports.size() < NODES) {
            throw new IllegalStateException("no " + NODES + " free port pairs from " + start);
        }
        return ports;
    }

    /** The nodes' ports, in creation order (the first three were created as masters). */
    public List<Integer> ports() {
        return nodes.stream().map(RedisServerProcess::port).toList();
    }

    /** {@code 127.0.0.1:<port>,…}, the form of {@code spring.data.redis.cluster.nodes}. */
    public String nodes() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port()).collect(Collectors.joining(","));
    }

    @Override
    public String url() {
        return nodes.stream().map(RedisServerProcess::url).collect(Collectors.joining(","));
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return nodes.get(0).port();
    }

    @Override
    public boolean isCluster() {
        return true;
    }

    @Override
    public boolean restartable() {
        return true;
    }

    /** Stops every node at once (a whole-cluster outage). */
    @Override
    public void stop() {
        nodes.forEach(RedisServerProcess::stop);
    }

    /** Starts every node again; they find each other through {@code nodes.conf}. Returns when the cluster is ready. */
    @Override
    public void start() {
        nodes.forEach(RedisServerProcess::start);
        ClusterReadiness.await(ports(), NODES, Duration.ofSeconds(60));
    }

    /** Empties every master (replicas follow). */
    @Override
    public void flushAll() {
        ClusterReadiness.flushMasters(ports());
    }

    /** The pid of the node on {@code port}, or -1 while it is stopped. */
    public long pid(int port) {
        return nodes.stream().filter(n -> n.port() == port).findFirst().map(RedisServerProcess::pid).orElse(-1L);
    }

    /** The ports of the current masters. */
    public List<Integer> masterPorts() {
        return ClusterReadiness.masters(ports());
    }

    /** The port of the master that serves {@code slot} now, as a running node sees it. */
    public int ownerOf(int slot) {
        try (var client = new SingleNode(runningPort())) {
            return SlotMove.owner(client.commands(), slot);
        }
    }

    /**
     * {@code SIGKILL} of the node on {@code port}, as a crash (a master's replica takes over after
     * {@code cluster-node-timeout}, 2 s, plus the election); {@link #restart(int)} brings it back.
     */
    public void kill(int port) {
        node(port).kill();
    }

    /**
     * Starts the node on {@code port} again (same directory and {@code nodes.conf}): a master that
     * was replaced meanwhile rejoins as a replica of the node that took over its slots.
     */
    public void restart(int port) {
        node(port).start();
    }

    /** The port of the node that replicates the master on {@code masterPort}, as a running node sees it; -1 if none. */
    public int replicaOf(int masterPort) {
        try (var client = new SingleNode(runningPort())) {
            String nodes = client.commands().clusterNodes();
            String masterId = null;
            for (String line : nodes.split("\n")) {
                String[] fields = line.trim().split(" ");
                if (fields.length > 3 && port(fields[1]) == masterPort) {
                    masterId = fields[0];
                }
            }
            for (String line : nodes.split("\n")) {
                String[] fields = line.trim().split(" ");
                if (fields.length > 3 && fields[2].contains("slave") && fields[3].equals(masterId)
                        && !fields[2].contains("fail")) {
                    return port(fields[1]);
                }
            }
            return -1;
        }
    }

    /**
     * Waits until every node says {@code cluster_state:ok}, all slots are served and every master
     * has an online replica (after a failover: once the old master rejoined as a replica).
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    public void awaitReady(Duration timeout) {
        ClusterReadiness.await(ports(), NODES, timeout);
    }

    private RedisServerProcess node(int port) {
        return nodes.stream().filter(n -> n.port() == port).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node on port " + port));
    }

    private int runningPort() {
        return nodes.stream().filter(n -> n.pid() > 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the cluster is running")).port();
    }

    /** The port of {@code ip:port@busport} in {@code CLUSTER NODES}. */
    private static int port(String address) {
        int colon = address.indexOf(':');
        int at = address.indexOf('@');
        return Integer.parseInt(address.substring(colon + 1, at < 0 ? address.length() : at));
    }

    /**
     * Moves {@code slot} to the master on {@code targetPort}, one key at a time with {@code pause}
     * after each (so clients meet it half-moved), then waits until the cluster is ready again.
     *
     * @return the port of the master that owned the slot before
     */
    public int moveSlot(int slot, int targetPort, Duration pause) {
        int source = SlotMove.move(masterPorts(), slot, targetPort, pause);
        ClusterReadiness.await(ports(), NODES, Duration.ofSeconds(60));
        return source;
    }

    /** Runs {@code redis-cli} with {@code arguments} (e.g. {@code --cluster reshard …}); returns its output. */
    public String redisCli(List<String> arguments) {
        return RedisCli.run(RedisServerProcess.findBinary().orElseThrow(), arguments);
    }

    @Override
    public String logTail(int lines) {
        return nodes.stream().map(n -> "-- node " + n.port() + " --\n" + n.logTail(lines))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        nodes.forEach(RedisServerProcess::close);
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless; the processes are gone
        }
    }

    /** A plain connection to one node. */
    private static final class SingleNode implements AutoCloseable {

        private final io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create();
        private final io.lettuce.core.api.StatefulRedisConnection<String, String> connection;

        SingleNode(int port) {
            connection = client.connect(io.lettuce.core.RedisURI.create("127.0.0.1", port));
        }

        io.lettuce.core.api.sync.RedisCommands<String, String> commands() {
            return connection.sync();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown(0, 0, TimeUnit.MILLISECONDS);
        }
    }

    /** {@code redis-cli}, found next to {@code redis-server}. */
    static final class RedisCli {

        private RedisCli() {
        }

        static String run(Path serverBinary, List<String> arguments) {
            Path cli = serverBinary.resolveSibling("redis-cli");
            List<String> command = new ArrayList<>();
            command.add(Files.isExecutable(cli) ? cli.toString() : "redis-cli");
            command.addAll(arguments);
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("redis-cli " + arguments + " failed:\n" + output);
                }
                return output;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot run " + command, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running redis-cli", e);
            }
        }
    }
}
