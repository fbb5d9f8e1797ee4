package io.herald.eventstore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The channels of a deployment and how each channel's bulk stream is split into partitions: the one
 * owner of the channel → streams mapping (docs/design.md §6). Every service builds it from the same two
 * properties, {@code herald.channels} and {@code herald.channel-partitions}, so they agree on the
 * streams as long as they are configured alike.
 *
 * <p>With P partitions a notification for user {@code u} goes to partition
 * {@link StreamKeys#partitionOf(String, int) partitionOf(u, P)}; with P = 1 the stream keeps its
 * single name {@code notify:<channel>}. Immutable.
 *
 * @param names the channel names, e.g. {@code email, sms, push}
 * @param partitions P, at least 1
 */
public record Channels(List<String> names, int partitions) {

    /** What {@code herald.channel-partitions: auto} means on a single Redis. */
    public static final int AUTO_STANDALONE = 1;

    /**
     * What {@code herald.channel-partitions: auto} means on a Redis Cluster: with 3 partitions the
     * streams {@code notify:email:0..2} and {@code notify:sms:0..2} hash to slots 2908/7037/11038 and
     * 2978/7043/11232, one in each third of the slot range, so a default 3-master cluster carries
     * one partition of each on every master.
     */
    public static final int AUTO_CLUSTER = 3;

    /** Largest P accepted: each partition costs a consumer per worker instance and a key set per campaign. */
    public static final int MAX_PARTITIONS = 64;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** @throws IllegalArgumentException when a name is invalid or repeated, or P is out of 1..64 */
    public Channels {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("herald.channels must name at least one channel");
        }
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("herald.channels: '" + name + "' is not a channel name ("
                        + NAME.pattern() + ")");
            }
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("herald.channels names a channel twice: " + names);
        }
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("herald.channel-partitions must be auto or 1.." + MAX_PARTITIONS
                    + ", not " + partitions);
        }
    }

    /**
     * Reads the two properties: {@code partitions} is {@code auto} (or empty) or a number; {@code auto}
     * means {@value #AUTO_STANDALONE} on a single Redis and {@value #AUTO_CLUSTER} on a cluster.
     *
     * @throws IllegalArgumentException as the constructor, or when {@code partitions} is not a number
     */
    public static Channels of(List<String> names, String partitions, boolean cluster) {
        String p = partitions == null ? "auto" : partitions.strip();
        if (p.isEmpty() || p.equalsIgnoreCase("auto")) {
            return new Channels(names, cluster ? AUTO_CLUSTER : AUTO_STANDALONE);
        }
        try {
            return new Channels(names, Integer.parseInt(p));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("herald.channel-partitions must be auto or a number, not '" + p + "'");
        }
    }

    public boolean knows(String channel) {
        return names.contains(channel);
    }

    /** The bulk stream that carries {@code userId}'s notifications on {@code channel}. */
    public String bulkStream(String channel, String userId) {
        return StreamKeys.notify(channel, StreamKeys.partitionOf(userId, partitions), partitions);
    }

    /** Every bulk stream of {@code channel}, by partition number. */
    public List<String> bulkStreams(String channel) {
        List<String> streams = new ArrayList<>(partitions);
        for (int p = 0; p < partitions; p++) {
            streams.add(StreamKeys.notify(channel, p, partitions));
        }
        return streams;
    }

    /** Every stream workers read for {@code channel}: its priority lane first, then its bulk streams. */
    public List<String> streams(String channel) {
        List<String> streams = new ArrayList<>(partitions + 1);
        streams.add(StreamKeys.priority(channel));
        streams.addAll(bulkStreams(channel));
        return streams;
    }
}
