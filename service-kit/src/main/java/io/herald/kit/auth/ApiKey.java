package io.herald.kit.auth;

import java.time.Instant;
import java.util.Set;

/**
 * An API key as Herald stores and shows it: never its secret, which exists only in the answer
 * that created or rotated the key.
 *
 * @param id stable identifier, used in the key management paths and in logs
 * @param name what the key is for, chosen by its creator (e.g. {@code billing-app})
 * @param scopes what the key may do
 * @param createdAt when the key was created
 * @param rotatedAt when its secret was last replaced, or null
 */
public record ApiKey(String id, String name, Set<Scope> scopes, Instant createdAt, Instant rotatedAt) {

    public ApiKey {
        scopes = Set.copyOf(scopes);
    }

    /** Whether this key may do what {@code needed} allows; {@link Scope#ADMIN} may do everything. */
    public boolean allows(Scope needed) {
        return scopes.contains(Scope.ADMIN) || scopes.contains(needed);
    }
}
