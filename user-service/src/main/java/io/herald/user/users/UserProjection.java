package io.herald.user.users;

import io.herald.eventstore.EventCodec;
import io.herald.eventstore.EventEnvelope;
import io.herald.eventstore.EventNames;
import io.herald.eventstore.MalformedEntryException;
import io.herald.eventstore.StreamKeys;
import io.herald.eventstore.consumer.Completion;
import io.herald.eventstore.consumer.ConsumerSettings;
import io.herald.eventstore.consumer.EntryHandler;
import io.herald.eventstore.consumer.StreamEntry;
import io.herald.kit.StreamConsumers;
import io.herald.kit.StreamSubscriptions;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumer {@code user-service} of {@code users}: applies every user event to the user's hash and
 * the category member sets ({@link UserChanges#apply}, {@link UserChanges#converge}). The API has
 * usually done so already, in-line; this pass is what finishes a change whose writer crashed after
 * appending its event. Idempotent: an event older than the hash is skipped, and the indexes are
 * always made to match the hash as it is now.
 */
@Component
class UserProjection implements EntryHandler {

    static final String GROUP = "user-service";

    private final UserChanges changes;
    private final EventCodec codec;

    UserProjection(UserChanges changes, EventCodec codec) {
        this.changes = changes;
        this.codec = codec;
    }

    @Bean
    StreamSubscriptions userProjectionSubscriptions(StreamConsumers consumers) {
        return new StreamSubscriptions().perEntry(
                ConsumerSettings.defaults(StreamKeys.USERS, GROUP, consumers.consumerName("projection"))
                        .withBatchSize(64)
                        .withConcurrency(8)
                        .withClaim(Duration.ofSeconds(30), Duration.ofSeconds(15))
                        .withRetries(10, Duration.ofSeconds(1), Duration.ofMinutes(1)), this);
    }

    @Override
    public Mono<Completion> handle(StreamEntry entry) {
        EventEnvelope envelope = entry.envelope();
        return switch (envelope.event()) {
            case EventNames.USER_CREATED, EventNames.USER_UPDATED -> {
                User user = codec.decode(envelope, User.class);
                yield project(user.id(), changes.apply(user.id(), entry.id(), user.toHash()));
            }
            case EventNames.USER_DELETED -> {
                UserDeleted deleted = codec.decode(envelope, UserDeleted.class);
                yield project(deleted.id(), changes.apply(deleted.id(), entry.id(), null));
            }
            default -> Mono.just(Completion.ack());
        };
    }

    private Mono<Completion> project(String userId, Mono<Void> apply) {
        if (userId == null || userId.isEmpty() || !userId.chars().allMatch(Character::isDigit)) {
            throw new MalformedEntryException("user event without a numeric user id");
        }
        return apply.then(changes.converge(userId)).thenReturn(Completion.ack());
    }
}
