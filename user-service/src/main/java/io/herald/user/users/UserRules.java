package io.herald.user.users;

import io.herald.eventstore.Channels;
import io.herald.kit.ProblemException;
import io.herald.kit.ProblemException.FieldProblem;
import io.herald.user.categories.Categories;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The rules beyond field formats: categories must exist, channels must be this deployment's, and
 * each chosen channel needs its contact field. A violation is a 400 naming every field at fault.
 */
@Component
class UserRules {

    static final String EMAIL = "[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}";
    static final String E164 = "\\+[1-9][0-9]{6,14}";

    private final Categories categories;
    /** Contact field a channel needs; a channel added by a deployment and not named here needs none. */
    private static final Map<String, String> CONTACT_FIELDS = Map.of("email", "email", "sms", "phone", "push", "deviceToken");

    private final Channels channels;

    UserRules(Categories categories, Channels channels) {
        this.categories = categories;
        this.channels = channels;
    }

    /** Duplicates removed, order kept; null is an empty list; null elements are kept for {@link #check} to name. */
    static List<String> distinct(List<String> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(new LinkedHashSet<>(values)));
    }

    /**
     * Completes when the preferences are acceptable for a user with these contact fields; else
     * fails with a 400 {@link ProblemException}.
     */
    Mono<Void> check(List<String> wantedCategories, List<String> wantedChannels, String email, String phone,
                     String deviceToken) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String channel : wantedChannels) {
            if (channel == null || !channels.names().contains(channel)) {
                problems.add(new FieldProblem("channels", "unknown channel '" + channel + "'; known channels: "
                        + String.join(", ", channels.names())));
                continue;
            }
            String field = CONTACT_FIELDS.get(channel);
            if (field != null && contact(field, email, phone, deviceToken) == null) {
                problems.add(new FieldProblem(field, "is required when the channel '" + channel + "' is chosen"));
            }
        }
        if (wantedCategories.stream().anyMatch(Objects::isNull)) {
            problems.add(new FieldProblem("categories", "must not contain null"));
        }
        List<String> names = wantedCategories.stream().filter(Objects::nonNull).toList();
        return categories.unknown(names).flatMap(unknown -> {
            unknown.forEach(name -> problems.add(new FieldProblem("categories", "unknown category '" + name + "'")));
            if (problems.isEmpty()) {
                return Mono.empty();
            }
            return Mono.error(new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request has " + problems.size() + " invalid field(s).", problems));
        });
    }

    private static String contact(String field, String email, String phone, String deviceToken) {
        return switch (field) {
            case "email" -> email;
            case "phone" -> phone;
            default -> deviceToken;
        };
    }
}
