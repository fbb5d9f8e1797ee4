package io.herald.acceptance;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Redis holds, as a map of key → digest of its content, read with SCAN (never KEYS). Streams
 * are digested by length and newest entry id, because a blocking read by an idle consumer
 * changes the consumer's "seen" time inside the stream without changing what it holds.
 */
final class KeyspaceDigest {

    private KeyspaceDigest() {
    }

    static Map<String, String> of(RedisCommands<String, String> redis) {
        Map<String, String> digest = new TreeMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
            for (String key : page.getKeys()) {
                digest.put(key, describe(redis, key));
            }
            cursor = page;
        } while (!cursor.isFinished());
        return digest;
    }

    private static String describe(RedisCommands<String, String> redis, String key) {
        String type = redis.type(key);
        if ("stream".equals(type)) {
            List<String> newest = new ArrayList<>();
            redis.xrevrange(key, Range.create("-", "+"), io.lettuce.core.Limit.create(0, 1))
                    .forEach(message -> newest.add(message.getId()));
            return "stream len=" + redis.xlen(key) + " newest=" + newest;
        }
        byte[] dump = redis.dump(key);
        return type + " " + (dump == null ? "gone" : sha256(dump));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
