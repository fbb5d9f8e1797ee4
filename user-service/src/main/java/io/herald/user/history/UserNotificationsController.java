package io.herald.user.history;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.herald.eventstore.RedisConnections;
import io.herald.eventstore.StreamKeys;
import io.herald.kit.ProblemException;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/users/{id}/notifications?cursor=&limit=}: the user's settled notifications
 * across campaigns and transactional sends, newest first, as far back as the history retention
 * (docs/traceability.md). 404 for an unknown user; 400 for a limit outside 1..1000 or a cursor
 * this endpoint did not give out.
 */
@RestController
class UserNotificationsController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    private static final Pattern CURSOR = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})~(\\d{13}:[A-Za-z0-9:_.-]{1,200})");

    private final UserNotificationHistory history;
    private final RedisClusterReactiveCommands<String, String> redis;

    UserNotificationsController(UserNotificationHistory history, RedisConnections connections) {
        this.history = history;
        this.redis = connections.commands();
    }

    @GetMapping("/api/v1/users/{id}/notifications")
    Mono<UserNotificationPage> page(@PathVariable String id, @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        UserNotificationHistory.Cursor from = cursor(cursor);
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Mono.error(ProblemException.notFound("User " + id));
        }
        return redis.exists(StreamKeys.user(id)).flatMap(exists -> exists == 0
                ? Mono.error(ProblemException.notFound("User " + id)) : history.page(id, from, limit));
    }

    private UserNotificationHistory.Cursor cursor(String value) {
        if (value == null || value.isEmpty()) {
            return new UserNotificationHistory.Cursor(history.today(), null);
        }
        Matcher matcher = CURSOR.matcher(value);
        if (matcher.matches()) {
            try {
                return new UserNotificationHistory.Cursor(LocalDate.parse(matcher.group(1)), matcher.group(2));
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw ProblemException.invalidField("cursor", "must be the nextCursor of a previous page");
    }
}
