package io.herald.eventstore.consumer;

import java.util.Objects;

/**
 * The result of one entry's work in a {@link BatchHandler}: a completion (success) or an error (a
 * failed attempt; a {@link io.herald.eventstore.MalformedEntryException} goes to the dead letters
 * at once). Immutable.
 */
public record Handled(StreamEntry entry, Completion completion, Throwable error) {

    public Handled {
        Objects.requireNonNull(entry, "entry");
        if ((completion == null) == (error == null)) {
            throw new IllegalArgumentException("exactly one of completion and error");
        }
    }

    public static Handled done(StreamEntry entry, Completion completion) {
        return new Handled(entry, completion, null);
    }

    public static Handled failed(StreamEntry entry, Throwable error) {
        return new Handled(entry, null, error);
    }

    public boolean succeeded() {
        return completion != null;
    }
}
