package io.herald.channel.queue;

import io.herald.kit.ProblemException;
import io.herald.kit.ProblemException.FieldProblem;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * What one fetch asks for, validated.
 *
 * @param max the most messages to hand out, 1..100
 * @param visibilityTimeout how long a delivery stays invisible to other fetchers, 1 s..12 h
 * @param longPoll ({@code wait}) how long to wait for a first message when none is available, 0..{@code maxWait}
 */
record FetchRequest(int max, Duration visibilityTimeout, Duration longPoll) {

    static final int MAX_MESSAGES = 100;
    static final Duration MIN_VISIBILITY = Duration.ofSeconds(1);
    static final Duration MAX_VISIBILITY = Duration.ofHours(12);

    /**
     * Reads the query parameters, each optional (defaults from {@code properties}).
     *
     * @throws ProblemException 400 listing every parameter at fault
     */
    static FetchRequest parse(QueueProperties properties, String max, String visibilityTimeout, String wait) {
        List<FieldProblem> errors = new ArrayList<>();
        int count = properties.defaultMax();
        if (max != null) {
            try {
                count = Integer.parseInt(max.strip());
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1 || count > MAX_MESSAGES) {
                errors.add(new FieldProblem("max", "must be a whole number from 1 to " + MAX_MESSAGES));
            }
        }
        Duration visibility = duration(errors, "visibilityTimeout", visibilityTimeout,
                properties.defaultVisibilityTimeout(), MIN_VISIBILITY, MAX_VISIBILITY);
        Duration longPoll = duration(errors, "wait", wait, properties.defaultWait(), Duration.ZERO, properties.maxWait());
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request has " + errors.size() + " invalid parameter(s).", errors);
        }
        return new FetchRequest(count, visibility, longPoll);
    }

    private static Duration duration(List<FieldProblem> errors, String field, String text, Duration fallback,
                                     Duration min, Duration max) {
        if (text == null) {
            return fallback;
        }
        String rule = "must be an ISO-8601 duration from " + min + " to " + max + ", e.g. PT30S";
        try {
            Duration value = Duration.parse(text.strip());
            if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // reported below, like a value out of range
        }
        errors.add(new FieldProblem(field, rule));
        return fallback;
    }
}
