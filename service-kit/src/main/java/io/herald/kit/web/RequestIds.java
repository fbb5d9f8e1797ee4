package io.herald.kit.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.server.ServerWebExchange;

/**
 * The request id of an exchange: the caller's {@code X-Request-Id} when it is well-formed (so a
 * request can be followed across a caller's own logs), else a new UUID. It is echoed in the
 * response header, put in every problem+json body ({@code requestId}) and in the logging MDC
 * ({@code requestId}) of every line logged while the request is handled.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC and Reactor context key. */
    public static final String KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private RequestIds() {
    }

    /** The exchange's request id, assigned at once if no filter did it yet. */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        if (id == null) {
            String given = exchange.getRequest().getHeaders().getFirst(HEADER);
            id = given != null && WELL_FORMED.matcher(given).matches() ? given : UUID.randomUUID().toString();
            exchange.getAttributes().put(ATTRIBUTE, id);
        }
        return id;
    }
}
