package io.herald.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one {@link RedisClusterProcess} of a test JVM, started on first use and stopped when JUnit
 * closes its root store at the end of the run (or, failing that, when the JVM exits).
 */
final class SharedCluster implements AutoCloseable {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);

    private final RedisClusterProcess cluster;
    private final Thread shutdownHook;

    private SharedCluster() {
        var binary = RedisServerProcess.findBinary().orElseThrow(() -> new IllegalStateException(
                "a Redis Cluster test needs redis-server and redis-cli (apt-get install -y redis-server)"));
        this.cluster = RedisClusterProcess.start(binary);
        this.shutdownHook = new Thread(cluster::close, "herald-test-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static RedisClusterProcess of(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(SharedCluster.class, key -> new SharedCluster(), SharedCluster.class).cluster;
    }

    @Override
    public void close() {
        cluster.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }
}
