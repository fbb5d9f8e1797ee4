package io.herald.bench.e2e;

import io.herald.eventstore.StreamKeys;
import java.util.List;

/** The campaign's target: a category and how many subscribers it has (read from user-service's index). */
public record Audience(String category, long members) {

    /** {@code wanted}, or the category with the most members. */
    public static Audience choose(HeraldApi api, RedisAccess redis, String wanted) {
        List<String> names = wanted == null ? api.categories() : List.of(wanted);
        Audience best = null;
        for (String name : names) {
            Audience candidate = new Audience(name, members(redis, name));
            if (best == null || candidate.members() > best.members()) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new IllegalStateException("user-service knows no category");
        }
        return best;
    }

    /** Size of a category's member index, whatever type user-service chose for it. */
    static long members(RedisAccess redis, String category) {
        String key = StreamKeys.categoryMembers(category);
        return switch (redis.sync().type(key)) {
            case "set" -> redis.sync().scard(key);
            case "zset" -> redis.sync().zcard(key);
            case "hash" -> redis.sync().hlen(key);
            case "list" -> redis.sync().llen(key);
            default -> 0;
        };
    }
}
