package io.herald.campaign.create;

import io.herald.eventstore.Channels;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.ProblemException;
import io.herald.kit.ProblemException.FieldProblem;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Checks a campaign request and reports every field at fault at once (400, problem+json with
 * {@code errors}): name, subject and message present and not too long, the category known to
 * user-service ({@code SISMEMBER categories}), channels known to this deployment
 * ({@code herald.channels}), {@code scheduledAt} an ISO-8601 instant in the future.
 */
@Component
class CampaignRequestValidator {

    static final int MAX_NAME = 200;
    static final int MAX_SUBJECT = 255;
    static final int MAX_MESSAGE = 10_000;

    private final RedisClusterReactiveCommands<String, String> redis;
    private final Channels channels;

    CampaignRequestValidator(RedisConnections connections, Channels channels) {
        this.redis = connections.commands();
        this.channels = channels;
    }

    /** The normalised campaign, or a {@link ProblemException} naming the fields at fault. */
    Mono<ValidCampaign> validate(CampaignRequest request) {
        if (request == null) {
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request needs a JSON body with name, category, subject and message."));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = text(request.name(), "name", MAX_NAME, problems);
        String subject = text(request.subject(), "subject", MAX_SUBJECT, problems);
        String message = text(request.message(), "message", MAX_MESSAGE, problems);
        List<String> chosen = channels(request.channels(), problems);
        Instant scheduledAt = scheduledAt(request.scheduledAt(), problems);
        String category = request.category() == null ? "" : request.category().trim();
        Mono<Boolean> knownCategory = category.isEmpty() ? Mono.just(false)
                : redis.sismember(StreamKeys.CATEGORIES, category);
        return knownCategory.flatMap(known -> {
            if (category.isEmpty()) {
                problems.add(new FieldProblem("category", "must not be blank"));
            } else if (!known) {
                problems.add(new FieldProblem("category", "unknown category '" + category + "'"));
            }
            if (!problems.isEmpty()) {
                return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                        "The request has " + problems.size() + " invalid field(s).", problems));
            }
            return Mono.just(new ValidCampaign(name, category, subject, message, chosen, scheduledAt));
        });
    }

    private static String text(String value, String field, int max, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (trimmed.length() > max) {
            problems.add(new FieldProblem(field, "must be at most " + max + " characters, has " + trimmed.length()));
        }
        return trimmed;
    }

    private List<String> channels(List<String> requested, List<FieldProblem> problems) {
        if (requested == null) {
            return List.of();
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String channel : requested) {
            String name = channel == null ? "" : channel.strip();
            if (!channels.knows(name)) {
                problems.add(new FieldProblem("channels", "unknown channel '" + name + "'; known: " + channels.names()));
            } else {
                chosen.add(name);
            }
        }
        return List.copyOf(chosen);
    }

    // A campaign planned further ahead is a typo, and far-future instants overflow epoch milliseconds.
    private static final java.time.Duration MAX_SCHEDULE_AHEAD = java.time.Duration.ofDays(366);

    private static Instant scheduledAt(String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("scheduledAt", "not an ISO-8601 instant such as 2030-01-31T09:00:00Z"));
            return null;
        }
        if (!at.isAfter(Instant.now())) {
            problems.add(new FieldProblem("scheduledAt", "must be in the future"));
        } else if (at.isAfter(Instant.now().plus(MAX_SCHEDULE_AHEAD))) {
            problems.add(new FieldProblem("scheduledAt", "must be at most " + MAX_SCHEDULE_AHEAD.toDays() + " days ahead"));
        }
        return at;
    }
}
