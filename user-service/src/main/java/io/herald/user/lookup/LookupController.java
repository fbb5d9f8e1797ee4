package io.herald.user.lookup;

import io.herald.kit.ProblemException;
import io.herald.user.users.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/users/lookup?email=<address>}: the user with that address (case-insensitive),
 * as {@code GET /api/v1/users/{id}} shows it; 404 when none; 400 when the address is blank or
 * longer than 320 characters.
 */
@RestController
class LookupController {

    private static final int MAX_EMAIL = 320;

    private final EmailIndex index;

    LookupController(EmailIndex index) {
        this.index = index;
    }

    @GetMapping("/api/v1/users/lookup")
    Mono<User> byEmail(@RequestParam(required = false) String email) {
        if (email == null || email.isBlank() || email.length() > MAX_EMAIL) {
            throw ProblemException.invalidField("email", "must be an e-mail address of at most " + MAX_EMAIL + " characters");
        }
        return index.find(email).switchIfEmpty(Mono.error(() -> ProblemException.notFound("user with e-mail " + email.strip())));
    }
}
