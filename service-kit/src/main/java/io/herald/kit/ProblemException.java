package io.herald.kit;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error answered as problem+json with this status, title and detail, and for validation
 * errors the fields at fault. Throw it (or return it in a {@code Mono.error}) from any handler.
 * Spring's {@link ErrorResponseException} holds the {@link ProblemDetail} and the headers; this
 * adds the typed list of fields at fault (the problem's {@code errors} property).
 */
public class ProblemException extends ErrorResponseException {

    /** One field at fault: its name as the client sent it, and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> errors;

    public ProblemException(HttpStatusCode status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ProblemException(HttpStatusCode status, String title, String detail, List<FieldProblem> errors) {
        super(status, problem(status, title, detail, errors), null);
        this.errors = List.copyOf(errors);
    }

    private static ProblemDetail problem(HttpStatusCode status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", List.copyOf(errors));
        }
        return problem;
    }

    /** 400 naming one field: the usual answer to input that fails a rule. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    /** 404 for a missing resource. */
    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", what + " does not exist");
    }

    /** Adds a response header to the answer (e.g. {@code Retry-After}); returns this problem. */
    public ProblemException withHeader(String name, String value) {
        getHeaders().set(name, value);
        return this;
    }

    /** Response headers to send with the answer. */
    public Map<String, String> headers() {
        return getHeaders().toSingleValueMap();
    }

    public HttpStatusCode status() {
        return getStatusCode();
    }

    public String title() {
        return getBody().getTitle();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The detail, as the client reads it (not Spring's "status, headers, body" summary). */
    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
