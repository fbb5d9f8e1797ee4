package io.herald.eventstore;

/**
 * A stream entry that is not a valid Herald event (missing field, bad JSON, wrong type). The
 * consumer runtime never retries such an entry: it goes straight to the dead letters.
 */
public class MalformedEntryException extends RuntimeException {

    public MalformedEntryException(String message) {
        super(message);
    }

    public MalformedEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
