package io.herald.user.users;

import io.herald.kit.ProblemException;
import io.herald.user.categories.Categories;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code /api/v1/users} (docs/design.md §4): create, read, change preferences, delete, list by category.
 * Bad input is a 400 naming the field and changes nothing.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 1000;
    private static final int CONFLICT_RETRIES = 5;

    private final UserRepository users;
    private final UserRules rules;
    private final Categories categories;

    UserController(UserRepository users, UserRules rules, Categories categories) {
        this.users = users;
        this.rules = rules;
        this.categories = categories;
    }

    /** 201 with {@code Location: /api/v1/users/{id}} and the user. */
    @PostMapping
    Mono<ResponseEntity<User>> create(@Valid @RequestBody NewUser body) {
        List<String> wantedCategories = UserRules.distinct(body.categories());
        List<String> wantedChannels = UserRules.distinct(body.channels());
        return rules.check(wantedCategories, wantedChannels, body.email(), body.phone(), body.deviceToken())
                .then(Mono.defer(() -> users.create(body.name().strip(), body.email(), body.phone(), body.deviceToken(),
                        wantedCategories, wantedChannels)))
                .map(user -> ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user));
    }

    /** 200 the user; 404 when unknown. */
    @GetMapping("/{id}")
    Mono<User> get(@PathVariable String id) {
        return existing(id);
    }

    /** 200 the user with its new categories and channels; 404 when unknown. */
    @PutMapping("/{id}/preferences")
    Mono<User> updatePreferences(@PathVariable String id, @Valid @RequestBody Preferences body) {
        List<String> wantedCategories = UserRules.distinct(body.categories());
        List<String> wantedChannels = UserRules.distinct(body.channels());
        return Mono.defer(() -> existing(id).flatMap(current -> rules.check(wantedCategories, wantedChannels,
                                current.email(), current.phone(), current.deviceToken())
                        .then(Mono.defer(() -> {
                            User updated = current.withPreferences(wantedCategories, wantedChannels, now());
                            return users.updatePreferences(current, updated).flatMap(write -> outcome(id, write, updated));
                        }))))
                .retryWhen(retryOnConcurrentChange(id));
    }

    /** 204; 404 when unknown. */
    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id) {
        return Mono.defer(() -> existing(id).flatMap(current -> users.delete(current)
                        .flatMap(write -> outcome(id, write, current))))
                .retryWhen(retryOnConcurrentChange(id))
                .thenReturn(ResponseEntity.noContent().<Void>build());
    }

    /**
     * 200 {@code {items, nextCursor}} in id order: the members of {@code category}, or all users.
     * Pass {@code nextCursor} as {@code cursor} for the next page; null means the end.
     */
    @GetMapping
    Mono<UserPage> list(@RequestParam(required = false) String category, @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) String limit) {
        long after = parse("cursor", cursor, 0, 0, Long.MAX_VALUE, "must be the nextCursor of a previous page");
        int size = (int) parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT,
                "must be a whole number from 1 to " + MAX_LIMIT);
        if (category == null || category.isEmpty()) {
            return users.listAll(after, size);
        }
        return categories.unknown(List.of(category)).flatMap(unknown -> unknown.isEmpty()
                ? users.listCategory(category, after, size)
                : Mono.error(ProblemException.invalidField("category", "unknown category '" + category + "'")));
    }

    private Mono<User> existing(String id) {
        if (!isId(id)) {
            return Mono.error(ProblemException.notFound("User " + id));
        }
        return users.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("User " + id)));
    }

    private static <T> Mono<T> outcome(String id, UserRepository.Write write, T value) {
        return switch (write) {
            case DONE -> Mono.just(value);
            case MISSING -> Mono.error(ProblemException.notFound("User " + id));
            case CHANGED -> Mono.error(new ConcurrentChange());
        };
    }

    /** Applies the request again when the user changed under it; 409 when it keeps changing. */
    private static Retry retryOnConcurrentChange(String id) {
        return Retry.max(CONFLICT_RETRIES).filter(ConcurrentChange.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> new ProblemException(HttpStatus.CONFLICT, "Concurrent change",
                        "User " + id + " kept changing while this request was applied; retry it."));
    }

    private static boolean isId(String id) {
        return id != null && !id.isEmpty() && id.length() <= 18 && id.chars().allMatch(Character::isDigit);
    }

    private static long parse(String field, String value, long fallback, long min, long max, String rule) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField(field, rule);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The user changed between reading and writing it; the request is applied again. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
