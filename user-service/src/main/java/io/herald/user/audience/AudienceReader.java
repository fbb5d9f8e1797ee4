package io.herald.user.audience;

import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads one batch of a campaign's frozen audience: the recipients ranked {@code first … last} in
 * its snapshot, in rank order. Users that are gone or have none of the campaign's channels are left
 * out; with campaign channels, each recipient keeps only those it has chosen. Thread-safe.
 *
 * <p>How it reads depends on the deployment. On a single Redis one command per batch,
 * {@code SORT_RO <snapshot> BY nosort LIMIT <first> <count> GET # GET user:*->name …}, takes the
 * ranks straight from the sorted set (in its order, as {@code ZRANGE} would) and reads every
 * user's fields inside Redis: per-command work (Lettuce's reactive plumbing per {@code HMGET},
 * Redis's dispatch per command, or per {@code redis.call} in a script) dominated resolution, and
 * this cuts it to one command per batch. Its {@code GET} patterns read keys it does not declare,
 * which a single Redis allows and a cluster refuses. On a cluster the users
 * live in other slots than the snapshot, so it reads the ranks with {@code ZRANGE} and then sends
 * one {@code HMGET} per user, all at once (Lettuce pipelines them, each to its user's node).
 */
final class AudienceReader {

    private static final String[] FIELDS = {UserHash.NAME, UserHash.EMAIL, UserHash.PHONE, UserHash.DEVICE_TOKEN,
            UserHash.CHANNELS};
    private static final int STRIDE = 1 + FIELDS.length;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final boolean cluster;

    AudienceReader(RedisConnections connections) {
        this.redis = connections.commands();
        this.cluster = connections.isCluster();
    }

    /** The recipients ranked {@code first … last} (inclusive) in {@code snapshot}. */
    Mono<List<Recipient>> read(String snapshot, long first, long last, List<String> campaignChannels) {
        return cluster ? perUser(snapshot, first, last, campaignChannels) : sorted(snapshot, first, last,
                campaignChannels);
    }

    private Mono<List<Recipient>> sorted(String snapshot, long first, long last, List<String> campaignChannels) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(snapshot)
                .add("BY").add("nosort").add("LIMIT").add(first).add(last - first + 1).add("GET").add("#");
        for (String field : FIELDS) {
            args.add("GET").add(StreamKeys.user("*") + "->" + field);
        }
        return redis.<List<Object>>dispatch(CommandType.SORT_RO, new NestedMultiOutput<>(StringCodec.UTF8), args)
                .next()
                .defaultIfEmpty(List.of())
                .map(flat -> {
                    List<Recipient> recipients = new ArrayList<>(flat.size() / STRIDE);
                    for (int at = 0; at + STRIDE <= flat.size(); at += STRIDE) {
                        Recipient recipient = recipient((String) flat.get(at), flat.subList(at + 1, at + STRIDE),
                                campaignChannels);
                        if (recipient != null) {
                            recipients.add(recipient);
                        }
                    }
                    return recipients;
                });
    }

    private Mono<List<Recipient>> perUser(String snapshot, long first, long last, List<String> campaignChannels) {
        // collected before the users are read: nesting commands inside a Lettuce result stream can stall it
        return redis.zrange(snapshot, first, last).collectList().flatMap(ids -> Flux.fromIterable(ids)
                .flatMapSequential(id -> redis.hmget(StreamKeys.user(id), FIELDS)
                        .map(kv -> (Object) kv.getValueOrElse(""))
                        .collectList()
                        .mapNotNull(values -> recipient(id, values, campaignChannels)), ids.size() + 1)
                .collectList());
    }

    /** {@code values} in {@link #FIELDS} order, null or empty when absent; null when not a recipient. */
    private static Recipient recipient(String id, List<Object> values, List<String> campaignChannels) {
        String name = text(values.get(0));
        if (name == null) {
            return null;
        }
        List<String> channels = UserHash.list(text(values.get(4)));
        if (!campaignChannels.isEmpty()) {
            channels = channels.stream().filter(campaignChannels::contains).toList();
        }
        return channels.isEmpty() ? null
                : new Recipient(id, name, text(values.get(1)), text(values.get(2)), text(values.get(3)), channels);
    }

    private static String text(Object value) {
        return value == null || ((String) value).isEmpty() ? null : (String) value;
    }
}
