package io.herald.campaign.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.kit.auth.ApiKey;
import io.herald.kit.auth.Scope;
import java.time.Instant;
import java.util.List;

/**
 * An API key as the admin API shows it; {@code secret} only in the answer that created or
 * rotated it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiKeyView(String id, String name, List<String> scopes, Instant createdAt, Instant rotatedAt, String secret) {

    static ApiKeyView of(ApiKey key, String secret) {
        return new ApiKeyView(key.id(), key.name(), key.scopes().stream().map(Scope::value).sorted().toList(),
                key.createdAt(), key.rotatedAt(), secret);
    }
}
