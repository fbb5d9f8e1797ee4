package io.herald.bench.e2e;

/** The bench's free ports: test-support's {@link io.herald.testsupport.FreePorts} (one rule for tests and bench). */
public final class FreePorts {

    private FreePorts() {
    }

    /** A port that was free a moment ago on 127.0.0.1, never a well-known one of Redis or Herald. */
    public static int next() {
        return io.herald.testsupport.FreePorts.next();
    }
}
