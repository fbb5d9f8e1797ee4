package io.herald.kit;

import io.herald.eventstore.ReplicasBehindException;
import io.herald.eventstore.retention.StorageFull;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import jakarta.validation.ConstraintViolationException;
import java.net.ConnectException;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Turns any exception into the problem a client should see. Stateless. */
final class ProblemMapper {

    ProblemException toProblem(Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem;
        }
        if (causedBy(error, DataBufferLimitException.class)) {
            return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body is larger than this service accepts.");
        }
        if (causedBy(error, ReplicasBehindException.class)) {
            return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Storage replicas behind",
                    "Redis replicas did not confirm the write in time (herald.redis.replica-acks); retry shortly.");
        }
        if (StorageFull.is(error)) {
            // reads still work; the write changed nothing (Redis refused it whole)
            return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Storage full",
                    "Redis has reached its memory limit and refuses writes until memory is freed; retry later.")
                    .withHeader(HttpHeaders.RETRY_AFTER, Long.toString(StorageFull.RETRY_AFTER.toSeconds()));
        }
        if (redisUnavailable(error)) {
            return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable",
                    "Redis cannot be reached right now; retry shortly.");
        }
        if (error instanceof WebExchangeBindException bind) {
            List<ProblemException.FieldProblem> fields = bind.getFieldErrors().stream()
                    .map(f -> new ProblemException.FieldProblem(f.getField(), f.getDefaultMessage()))
                    .toList();
            return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request has " + fields.size() + " invalid field(s).", fields);
        }
        if (error instanceof ConstraintViolationException violations) {
            List<ProblemException.FieldProblem> fields = violations.getConstraintViolations().stream()
                    .map(v -> new ProblemException.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                    .toList();
            return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request has " + fields.size() + " invalid parameter(s).", fields);
        }
        if (error instanceof HandlerMethodValidationException invalid) {
            // @Min/@Max/... on a controller's parameters (Spring's built-in method validation)
            List<ProblemException.FieldProblem> fields = invalid.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream().map(e -> new ProblemException.FieldProblem(
                            parameterName(result.getMethodParameter()), e.getDefaultMessage())))
                    .toList();
            return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
                    "The request has " + fields.size() + " invalid parameter(s).", fields);
        }
        if (error instanceof ServerWebInputException input && input.getMethodParameter() != null
                && causedBy(error, TypeMismatchException.class)) {
            // a query parameter or path variable that does not convert (limit=abc)
            String field = parameterName(input.getMethodParameter());
            String message = "must be " + typeName(input.getMethodParameter().getParameterType());
            return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", field + ": " + message,
                    List.of(new ProblemException.FieldProblem(field, message)));
        }
        if (error instanceof ServerWebInputException input) {
            String detail = causedBy(error, DecodingException.class)
                    ? "The request body is not valid JSON for this endpoint."
                    : input.getReason();
            return new ProblemException(HttpStatus.BAD_REQUEST, "Bad request", detail);
        }
        if (error instanceof ErrorResponse spring) {
            // Spring's own errors (405 with its Allow header, 404 of routing, 415, ResponseStatusException...)
            HttpStatus known = HttpStatus.resolve(spring.getStatusCode().value());
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = spring instanceof ResponseStatusException status ? status.getReason() : spring.getBody().getDetail();
            ProblemException problem = new ProblemException(spring.getStatusCode(), title, detail == null ? title : detail);
            spring.getHeaders().forEach((name, values) -> problem.withHeader(name, String.join(", ", values)));
            return problem;
        }
        return new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The service failed to handle this request.");
    }

    private static boolean redisUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RedisConnectionException || t instanceof RedisCommandTimeoutException
                    || t instanceof RedisConnectionFailureException || t instanceof ConnectException) {
                return true;
            }
            // Lettuce rejects commands with a plain RedisException while disconnected, and fails
            // those in flight when the connection drops with "Connection disconnected"
            // a Redis Cluster without a master for a slot answers CLUSTERDOWN (or TRYAGAIN while a slot moves)
            if (t instanceof RedisException && t.getMessage() != null
                    && (t.getMessage().startsWith("CLUSTERDOWN") || t.getMessage().startsWith("TRYAGAIN")
                    || t.getMessage().contains("not connected") || t.getMessage().contains("Connection closed")
                    || t.getMessage().contains("Connection disconnected"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The name the client sent: the {@code @RequestParam}/{@code @PathVariable} name, else the Java one. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        return parameter.getParameterName() == null ? "parameter" : parameter.getParameterName();
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        return type.isEnum() || type == String.class ? "a known value" : "a valid " + type.getSimpleName();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
