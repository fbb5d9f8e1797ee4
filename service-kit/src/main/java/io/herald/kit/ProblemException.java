package io.herald.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;

/**
 * An error answered as problem+json with this status, title and detail, and for validation
 * errors the fields at fault. Throw it (or return it in a {@code Mono.error}) from any handler.
 */
public class ProblemException extends RuntimeException {

    /** One field at fault: its name as the client sent it, and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final HttpStatusCode status;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(HttpStatusCode status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(HttpStatusCode status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400 naming one field: the usual answer to input that fails a rule. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(org.springframework.http.HttpStatus.BAD_REQUEST, "Invalid request",
                field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    /** 404 for a missing resource. */
    public static ProblemException notFound(String what) {
        return new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "Not found", what + " does not exist");
    }

    /** Adds a response header to the answer (e.g. {@code Retry-After}); returns this problem. */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Response headers to send with the answer. */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public HttpStatusCode status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
