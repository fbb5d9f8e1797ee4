package io.herald.kit.auth;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do. {@link #ADMIN} implies every other scope; the others are independent
 * (a sender app that also polls its campaigns gets {@code campaigns:write} and {@code read}).
 * Which endpoint needs which scope is {@link ScopePolicy}'s table.
 */
public enum Scope {

    /** Everything, including key management and dead-letter replay. */
    ADMIN("admin"),
    /** Create and cancel campaigns, send transactional notifications. */
    CAMPAIGNS_WRITE("campaigns:write"),
    /** Create, change and delete users and categories. */
    USERS_WRITE("users:write"),
    /** Every GET of the API (except key management). */
    READ("read"),
    /** The HTTP queue API. */
    QUEUE("queue");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The name clients send and see, e.g. {@code campaigns:write}. */
    public String value() {
        return value;
    }

    /** The scope of this name, if any. */
    public static Optional<Scope> of(String value) {
        return Arrays.stream(values()).filter(scope -> scope.value.equals(value)).findFirst();
    }
}
