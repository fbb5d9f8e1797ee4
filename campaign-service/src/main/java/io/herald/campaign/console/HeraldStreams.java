package io.herald.campaign.console;

import io.herald.campaign.ChannelProperties;
import io.herald.eventstore.StreamKeys;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The names of Herald's streams, from the known stream names and this deployment's channels and
 * partitions (the same {@link ChannelProperties} the rest of campaign-service uses), never from a
 * keyspace scan: on a Redis Cluster a {@code SCAN} sees one node, and {@code KEYS} blocks Redis.
 * HTTP queues ({@code queue:<name>}) are created on demand and have no index, so they are not listed.
 */
@Component
class HeraldStreams {

    private final ChannelProperties channels;

    HeraldStreams(ChannelProperties channels) {
        this.channels = channels;
    }

    /** Every stream, in a stable order: the pipeline's order, then per channel its streams and dead letters. */
    List<String> all() {
        List<String> streams = new ArrayList<>(List.of(StreamKeys.CAMPAIGNS, StreamKeys.AUDIENCES, StreamKeys.USERS));
        for (String channel : channels.channels()) {
            streams.add(StreamKeys.priority(channel));
            streams.addAll(channels.streamsOf(channel));
            streams.add(StreamKeys.deadLetters(channel));
        }
        return streams;
    }

    boolean knows(String stream) {
        return all().contains(stream);
    }
}
