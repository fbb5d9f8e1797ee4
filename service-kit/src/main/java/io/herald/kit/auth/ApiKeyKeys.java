package io.herald.kit.auth;

/**
 * The Redis keys of API keys, built here and nowhere else. All share the hash tag
 * {@code {api-keys}} so that creation, rotation and revocation are one Lua step on a cluster too;
 * Redis ACLs grant the services read access to {@code {api-keys}:secret:*} and write access to
 * {@code {api-keys}:rate:*}, and campaign-service (the key admin API) write access to all.
 */
final class ApiKeyKeys {

    static final String TAG = "{api-keys}";

    private ApiKeyKeys() {
    }

    /** Lookup by secret: hash {@code id, name, scopes} under the SHA-256 (hex) of the secret. */
    static String secret(String secretHash) {
        return secretPrefix() + secretHash;
    }

    /** The part of {@link #secret} before the hash, for the Lua steps that find the old secret in the record. */
    static String secretPrefix() {
        return TAG + ":secret:";
    }

    /** A key's record: hash {@code id, name, scopes, createdAt, rotatedAt, secretHash}. */
    static String key(String id) {
        return TAG + ":key:" + id;
    }

    /** Every key id (set), so that listing needs no keyspace scan. */
    static String ids() {
        return TAG + ":ids";
    }

    /** The write rate-limit bucket of a key (Bucket4j state). */
    static String rate(String id) {
        return TAG + ":rate:" + id;
    }
}
