package io.herald.eventstore;

import java.time.Duration;

/**
 * Fewer replicas than {@code herald.redis.replica-acks} acknowledged a step's writes within the
 * timeout ({@code WAIT}): the step must not acknowledge its upstream work. A consumer leaves the
 * entry pending and tries again later without counting a failed attempt; an HTTP request gets 503.
 */
public final class ReplicasBehindException extends RuntimeException {

    public ReplicasBehindException(String node, long acknowledged, int required, Duration timeout) {
        super(acknowledged + " of " + required + " replica(s) of " + node + " acknowledged the writes within " + timeout);
    }
}
