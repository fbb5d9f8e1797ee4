package io.herald.kit.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Tells who a secret belongs to: the bootstrap key from configuration (compared in constant time,
 * no Redis involved), else the stored key, remembered for at most {@code ttl} — answers "unknown"
 * included, so that a flood of wrong keys does not become a flood of Redis reads. The TTL is the
 * bound on how long a revoked or rotated key keeps working on an instance. Thread-safe.
 */
final class ApiKeyCache {

    /** The identity of the key from {@code HERALD_API_KEY}. */
    static final ApiKey BOOTSTRAP = new ApiKey("bootstrap", "HERALD_API_KEY", Set.of(Scope.ADMIN), Instant.EPOCH, null);

    private record Entry(Optional<ApiKey> key, long expiresAt) {
    }

    private final byte[] bootstrap;
    private final ApiKeyStore store;
    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param bootstrap the configured admin key, or null for none
     * @param ttl how long an answer from Redis is reused
     * @param maxEntries bound on remembered answers; the cache is emptied when it is reached
     */
    ApiKeyCache(String bootstrap, ApiKeyStore store, Duration ttl, int maxEntries) {
        this.bootstrap = bootstrap == null || bootstrap.isBlank() ? null : bootstrap.getBytes(StandardCharsets.UTF_8);
        this.store = store;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The key this secret belongs to, or empty for an unknown secret. */
    Mono<Optional<ApiKey>> authenticate(String secret) {
        if (bootstrap != null && MessageDigest.isEqual(bootstrap, secret.getBytes(StandardCharsets.UTF_8))) {
            return Mono.just(Optional.of(BOOTSTRAP));
        }
        if (!secret.startsWith(ApiKeyStore.SECRET_PREFIX)) {
            return Mono.just(Optional.empty()); // not a stored key's shape: no need to ask Redis
        }
        long now = System.nanoTime();
        Entry cached = entries.get(secret);
        if (cached != null && now - cached.expiresAt() < 0) {
            return Mono.just(cached.key());
        }
        return store.authenticate(secret).doOnNext(key -> remember(secret, key, now));
    }

    private void remember(String secret, Optional<ApiKey> key, long now) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(secret, new Entry(key, now + ttlNanos));
    }
}
