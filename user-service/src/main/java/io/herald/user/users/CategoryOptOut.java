package io.herald.user.users;

import io.herald.eventstore.EventNames;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Takes a user out of one category through the normal write path (a {@code user_user_updated}
 * event, then the hash and the indexes), as an unsubscribe link asks. Idempotent: a user already
 * out of the category, or gone, is left alone and no event is appended. Thread-safe.
 */
@Component
public class CategoryOptOut {

    /** What {@link #leave} did. */
    public enum Result { LEFT, WAS_NOT_SUBSCRIBED, NO_SUCH_USER }

    private static final int CONFLICT_RETRIES = 5;

    private final UserRepository users;

    CategoryOptOut(UserRepository users) {
        this.users = users;
    }

    /**
     * Removes {@code category} from the user's categories (announced as {@value EventNames#USER_UPDATED});
     * retried when the user changes meanwhile; fails with {@link IllegalStateException} if it keeps
     * changing, and with Redis's error when Redis fails.
     */
    public Mono<Result> leave(String userId, String category) {
        return Mono.defer(() -> users.findStored(userId).flatMap(current -> {
                    if (!current.user().categories().contains(category)) {
                        return Mono.just(Result.WAS_NOT_SUBSCRIBED);
                    }
                    List<String> remaining = current.user().categories().stream().filter(c -> !c.equals(category)).toList();
                    User updated = current.user().withPreferences(remaining, current.user().channels(),
                            Instant.now().truncatedTo(ChronoUnit.MILLIS));
                    return users.updatePreferences(current, updated).flatMap(write -> write == UserRepository.Write.DONE
                            ? Mono.just(Result.LEFT) : Mono.error(new ConcurrentChange(userId)));
                }).defaultIfEmpty(Result.NO_SUCH_USER))
                .retryWhen(Retry.fixedDelay(CONFLICT_RETRIES, Duration.ofMillis(5)).filter(ConcurrentChange.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> new IllegalStateException(
                                "user " + userId + " kept changing while unsubscribing", signal.failure())));
    }

    /** The user changed between reading and writing it; the opt-out is applied again. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange(String userId) {
            super("user " + userId + " changed", null, false, false);
        }
    }
}
