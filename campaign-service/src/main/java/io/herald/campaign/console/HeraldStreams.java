package io.herald.campaign.console;

import io.herald.eventstore.Channels;
import io.herald.eventstore.StreamKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The names of Herald's streams, from the known stream names and this deployment's channels and
 * partitions (their one owner, {@link Channels}), never from a
 * keyspace scan: on a Redis Cluster a {@code SCAN} sees one node, and {@code KEYS} blocks Redis.
 * HTTP queues ({@code queue:<name>}) are created on demand and have no index, so they are not listed.
 */
@Component
class HeraldStreams {

    private final Channels channels;

    HeraldStreams(Channels channels) {
        this.channels = channels;
    }

    /** Every stream, in a stable order: the pipeline's order, then per channel its streams and dead letters. */
    List<String> all() {
        List<String> streams = new ArrayList<>(List.of(StreamKeys.CAMPAIGNS, StreamKeys.AUDIENCES, StreamKeys.USERS));
        for (String channel : channels.names()) {
            streams.addAll(channels.streams(channel));
            streams.add(StreamKeys.deadLetters(channel));
        }
        return streams;
    }

    boolean knows(String stream) {
        return all().contains(stream);
    }
}
