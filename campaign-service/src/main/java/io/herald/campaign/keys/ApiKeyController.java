package io.herald.campaign.keys;

import io.herald.kit.ProblemException;
import io.herald.kit.auth.ApiKeyStore;
import io.herald.kit.auth.Scope;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/keys}: scoped API keys for sender apps, managed with an {@code admin} key.
 * Every service accepts every key (they read the same Redis); a revoked or rotated secret stops
 * working on every instance within {@code herald.api-keys.cache-ttl} (2 s). Answers that hold a
 * secret are never cached.
 */
@RestController
class ApiKeyController {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private final ApiKeyStore keys;

    ApiKeyController(ApiKeyStore keys) {
        this.keys = keys;
    }

    /** 201 with the key and its secret, shown this once. */
    @PostMapping("/api/v1/keys")
    Mono<ResponseEntity<ApiKeyView>> create(@Valid @RequestBody NewApiKey request) {
        Set<Scope> scopes = scopes(request.scopes());
        return keys.create(request.name().strip(), scopes).map(created -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/keys/" + created.key().id()))
                .cacheControl(CacheControl.noStore())
                .body(ApiKeyView.of(created.key(), created.secret())));
    }

    /** Every key, oldest first, without secrets. */
    @GetMapping("/api/v1/keys")
    Mono<List<ApiKeyView>> list() {
        return keys.list().map(key -> ApiKeyView.of(key, null)).collectList();
    }

    /** A new secret for the key; the old one is dead. 404 for an unknown key. */
    @PostMapping("/api/v1/keys/{id}/rotate")
    Mono<ResponseEntity<ApiKeyView>> rotate(@PathVariable String id) {
        return keys.rotate(checked(id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("API key " + id)))
                .map(rotated -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .body(ApiKeyView.of(rotated.key(), rotated.secret())));
    }

    /** 204; 404 for an unknown key. */
    @DeleteMapping("/api/v1/keys/{id}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id) {
        return keys.revoke(checked(id)).flatMap(existed -> existed
                ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(ProblemException.notFound("API key " + id)));
    }

    private static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw ProblemException.notFound("API key " + id);
        }
        return id;
    }

    private static Set<Scope> scopes(List<String> names) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names) {
            scopes.add(Scope.of(name).orElseThrow(() -> ProblemException.invalidField("scopes",
                    "unknown scope '" + name + "'; known: " + List.of(Scope.values()).stream().map(Scope::value).toList())));
        }
        return scopes;
    }
}
