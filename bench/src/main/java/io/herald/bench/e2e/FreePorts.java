package io.herald.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

/** Free TCP ports on 127.0.0.1, never Redis's or Herald's well-known ones (other people use them). */
public final class FreePorts {

    private static final Set<Integer> RESERVED = Set.of(6379, 8080, 8081, 8082, 8083, 8025, 1025, 5540);

    private FreePorts() {
    }

    /** A port that was free a moment ago; the caller binds it soon. */
    public static int next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (!RESERVED.contains(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port", e);
            }
        }
        throw new IllegalStateException("no free port found");
    }
}
