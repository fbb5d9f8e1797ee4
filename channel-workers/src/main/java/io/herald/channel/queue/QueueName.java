package io.herald.channel.queue;

import io.herald.kit.ProblemException;
import java.util.regex.Pattern;

/** Queue names as docs/design.md §4 allows them: {@code [a-z0-9][a-z0-9-]{0,62}}. */
final class QueueName {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private QueueName() {
    }

    /**
     * @return {@code name} when it is a valid queue name
     * @throws ProblemException 400 naming the field {@code queue} otherwise
     */
    static String require(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw ProblemException.invalidField("queue",
                    "must match [a-z0-9][a-z0-9-]{0,62}: lower-case letters, digits and '-', at most 63 characters");
        }
        return name;
    }
}
