package io.herald.kit.auth;

import io.herald.eventstore.LuaScript;
import io.herald.eventstore.RedisConnections;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API keys in Redis, shared by every service and instance: created, listed, rotated and revoked by
 * the admin API, looked up by secret on every request (through {@link ApiKeyCache}).
 *
 * <p>A secret is 256 random bits; Redis holds only its SHA-256. A slow password hash (bcrypt,
 * scrypt) would add its deliberate cost — tens of milliseconds of CPU — to every API call, and
 * buys nothing here: it protects guessable passwords, while a 256-bit random secret cannot be
 * found from its SHA-256 by any search. Thread-safe.
 */
public final class ApiKeyStore {

    /** Secrets start with this, so that a leaked one is recognisable (secret scanners, logs). */
    static final String SECRET_PREFIX = "hrld_";

    private static final LuaScript CREATE = LuaScript.fromClasspath("io/herald/kit/auth/create.lua");
    private static final LuaScript ROTATE = LuaScript.fromClasspath("io/herald/kit/auth/rotate.lua");
    private static final LuaScript REVOKE = LuaScript.fromClasspath("io/herald/kit/auth/revoke.lua");

    private final RedisConnections redis;
    private final SecureRandom random = new SecureRandom();

    /** A new key and its secret, shown to its creator once. */
    public record Created(ApiKey key, String secret) {
    }

    public ApiKeyStore(RedisConnections redis) {
        this.redis = redis;
    }

    /** Creates a key with these scopes; the answer holds its secret, which Herald never shows again. */
    public Mono<Created> create(String name, Set<Scope> scopes) {
        String id = HexFormat.of().formatHex(randomBytes(8));
        String secret = newSecret();
        String hash = hash(secret);
        Instant now = Instant.now();
        ApiKey key = new ApiKey(id, name, scopes, now, null);
        return CREATE.<Long>run(redis.commands(), ScriptOutputType.INTEGER,
                        new String[] {ApiKeyKeys.secret(hash), ApiKeyKeys.key(id), ApiKeyKeys.ids()},
                        id, name, joined(scopes), now.toString(), hash)
                .then(Mono.just(new Created(key, secret)));
    }

    /** Every key, oldest first, without secrets. */
    public Flux<ApiKey> list() {
        return redis.commands().smembers(ApiKeyKeys.ids())
                .flatMap(this::find)
                .sort(Comparator.comparing(ApiKey::createdAt));
    }

    /** The key with this id, if it exists. */
    public Mono<ApiKey> find(String id) {
        return fields(ApiKeyKeys.key(id)).filter(fields -> !fields.isEmpty()).map(fields ->
                new ApiKey(fields.get("id"), fields.get("name"), scopes(fields.get("scopes")),
                        Instant.parse(fields.get("createdAt")),
                        fields.get("rotatedAt") == null ? null : Instant.parse(fields.get("rotatedAt"))));
    }

    /** Gives the key a new secret and kills the old one; empty when the key does not exist. */
    public Mono<Created> rotate(String id) {
        String secret = newSecret();
        String hash = hash(secret);
        return ROTATE.<Long>run(redis.commands(), ScriptOutputType.INTEGER,
                        new String[] {ApiKeyKeys.key(id), ApiKeyKeys.secret(hash)},
                        hash, Instant.now().toString(), ApiKeyKeys.secretPrefix())
                .next()
                .filter(done -> done == 1L)
                .flatMap(done -> find(id))
                .map(key -> new Created(key, secret));
    }

    /** Deletes the key; true if it existed. Instances stop accepting it within the cache TTL. */
    public Mono<Boolean> revoke(String id) {
        return REVOKE.<Long>run(redis.commands(), ScriptOutputType.INTEGER,
                        new String[] {ApiKeyKeys.key(id), ApiKeyKeys.ids()}, id, ApiKeyKeys.secretPrefix())
                .next()
                .map(done -> done == 1L);
    }

    /** The key this secret belongs to, if any: one {@code HGETALL} of its hash. */
    Mono<Optional<ApiKey>> authenticate(String secret) {
        return fields(ApiKeyKeys.secret(hash(secret)))
                .map(fields -> fields.isEmpty() ? Optional.<ApiKey>empty() : Optional.of(fromLookup(fields)))
                .defaultIfEmpty(Optional.empty());
    }

    private Mono<Map<String, String>> fields(String key) {
        return redis.commands().hgetall(key).collectMap(KeyValue::getKey, KeyValue::getValue);
    }

    private static ApiKey fromLookup(Map<String, String> fields) {
        return new ApiKey(fields.get("id"), fields.get("name"), scopes(fields.get("scopes")), null, null);
    }

    private static Set<Scope> scopes(String joined) {
        Set<Scope> scopes = new LinkedHashSet<>();
        if (joined != null) {
            for (String value : joined.split(" ")) {
                Scope.of(value).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    private static String joined(Set<Scope> scopes) {
        return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
    }

    private String newSecret() {
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
