package io.herald.user.audience;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.UserHash;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads one batch of a campaign's frozen audience: the recipients ranked {@code first … last} in
 * its snapshot, in rank order. Users that are gone or have none of the campaign's channels are left
 * out; with campaign channels, each recipient keeps only those it has chosen. Thread-safe.
 *
 * <p>How it reads depends on the deployment. On a single Redis one script call per batch
 * ({@code read-batch.lua}: {@code ZRANGE} of the ranks, then {@code HMGET} of each user inside
 * Redis): per-command work (Lettuce's reactive plumbing per {@code HMGET}, Redis's dispatch per
 * command) dominated resolution, and this cuts it to one command per batch. The script names the
 * user hashes it reads instead of declaring them, which a single Redis allows and a cluster refuses;
 * Redis still checks each of them against the ACL user's key patterns. ({@code SORT_RO … GET
 * user:*->field} would do the same natively, but Redis refuses {@code SORT}'s {@code GET} patterns to
 * a user without access to every key, which least-privilege users are not.) On a cluster the users
 * live in other slots than the snapshot, so it reads the ranks with {@code ZRANGE} and then sends
 * one {@code HMGET} per user, all at once (Lettuce pipelines them, each to its user's node).
 */
final class AudienceReader {

    private static final String[] FIELDS = {UserHash.NAME, UserHash.EMAIL, UserHash.PHONE, UserHash.DEVICE_TOKEN,
            UserHash.CHANNELS};
    private static final int STRIDE = 1 + FIELDS.length;
    private static final LuaScript READ_BATCH = LuaScript.fromClasspath("io/herald/user/audience/read-batch.lua");

    private final RedisClusterReactiveCommands<String, String> redis;
    private final boolean cluster;

    AudienceReader(RedisConnections connections) {
        this.redis = connections.commands();
        this.cluster = connections.isCluster();
    }

    /** The recipients ranked {@code first … last} (inclusive) in {@code snapshot}. */
    Mono<List<Recipient>> read(String snapshot, long first, long last, List<String> campaignChannels) {
        return cluster ? perUser(snapshot, first, last, campaignChannels)
                : scripted(snapshot, first, last, campaignChannels);
    }

    private Mono<List<Recipient>> scripted(String snapshot, long first, long last, List<String> campaignChannels) {
        String[] args = new String[3 + FIELDS.length];
        args[0] = Long.toString(first);
        args[1] = Long.toString(last);
        args[2] = StreamKeys.user("");
        System.arraycopy(FIELDS, 0, args, 3, FIELDS.length);
        return READ_BATCH.runForList(redis, new String[] {snapshot}, args)
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
