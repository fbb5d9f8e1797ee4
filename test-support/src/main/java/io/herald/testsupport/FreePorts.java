package io.herald.testsupport;

import java.util.Set;
import org.springframework.test.util.TestSocketUtils;

/**
 * Free TCP ports for tests, drills and the bench: Spring's {@link TestSocketUtils}, minus the
 * well-known ports of Redis, Herald and its tools, which a developer's own stack may be about to
 * use even when they are free this moment.
 */
public final class FreePorts {

    private static final Set<Integer> RESERVED = Set.of(6379, 8080, 8081, 8082, 8083, 8025, 1025, 5540);

    private FreePorts() {
    }

    /** A port that was free a moment ago on 127.0.0.1; the caller binds it soon. */
    public static int next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = TestSocketUtils.findAvailableTcpPort();
            if (!RESERVED.contains(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port found");
    }
}
