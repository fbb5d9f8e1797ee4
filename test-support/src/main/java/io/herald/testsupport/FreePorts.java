package io.herald.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for tests, drills and the bench, in 10000-19999: below Linux's ephemeral range
 * (32768-60999 by default) and below the local Redis Cluster's ports ({@link RedisClusterProcess}:
 * 20000-29989 and their bus ports 30000-39989), minus the well-known ports of Redis, Herald and
 * its tools, which a developer's own stack may be about to use even when they are free this moment. Written here rather than taken
 * from Spring's {@code TestSocketUtils}: that one draws from 1024-65535, so a port picked for a
 * service could be taken by an outgoing connection's local port before the service bound it (seen
 * in the redis-outage drill while the services reconnected to Redis).
 */
public final class FreePorts {

    private static final Set<Integer> RESERVED = Set.of(6379, 8080, 8081, 8082, 8083, 8025, 1025, 5540);
    private static final int LOWEST = 10000;

    private FreePorts() {
    }

    /** A port that was free a moment ago on 127.0.0.1; the caller binds it soon. */
    public static int next() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, RedisClusterProcess.FIRST_NODE_PORT);
            if (!RESERVED.contains(port) && free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found");
    }

    /** Whether {@code port} can be bound on 127.0.0.1 this moment. */
    static boolean free(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
