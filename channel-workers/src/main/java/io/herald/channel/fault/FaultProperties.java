package io.herald.channel.fault;

import java.util.List;

/**
 * The fault switch ({@code herald.fault.*}, documented in {@code application.yml}).
 *
 * @param failureRate share of sends (0..1) that fail with a temporary error, so they are retried
 * @param hangRate share of sends (0..1) that never complete, until the handler timeout ends them
 * @param channels channels affected; empty means all
 */
record FaultProperties(double failureRate, double hangRate, List<String> channels) {

    FaultProperties {
        if (failureRate < 0 || hangRate < 0 || failureRate + hangRate > 1) {
            throw new IllegalArgumentException("herald.fault rates must be >= 0 and add up to at most 1");
        }
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    boolean affects(String channel) {
        return (failureRate > 0 || hangRate > 0) && (channels.isEmpty() || channels.contains(channel));
    }
}
