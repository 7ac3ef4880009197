package dev.orchestra.adapter.rest.shared;

import dev.orchestra.domain.shared.Conflict;
import dev.orchestra.domain.shared.InvalidTransition;
import dev.orchestra.domain.shared.NotFound;
import dev.orchestra.domain.shared.StoreBusy;
import dev.orchestra.domain.shared.StoreFailure;
import dev.orchestra.domain.shared.StoreFull;
import dev.orchestra.domain.shared.ValidationFailed;
import dev.orchestra.domain.shared.VersionRequired;
import dev.orchestra.domain.shared.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every failure as an RFC 9457 problem: domain exceptions by their meaning, bad input of any kind as
 * a 4xx that names the problem and where it is; a 500 carries no stack trace.
 */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {
    public static final String TYPE_PREFIX = "https://orchestra.dev/problems/";
    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    @ExceptionHandler(ValidationFailed.class)
    ResponseEntity<ProblemDetail> validation(ValidationFailed e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input", e.getMessage(), request,
                e.violations()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), request, null));
    }

    @ExceptionHandler(dev.orchestra.domain.shared.Forbidden.class)
    ResponseEntity<ProblemDetail> forbidden(dev.orchestra.domain.shared.Forbidden e, HttpServletRequest request) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), request, null));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ProblemDetail> conflict(Conflict e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage(), request, null));
    }

    @ExceptionHandler(VersionRequired.class)
    ResponseEntity<ProblemDetail> versionRequired(VersionRequired e, HttpServletRequest request) {
        return respond(problem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition Required",
                e.getMessage(), request, null));
    }

    @ExceptionHandler(InvalidTransition.class)
    ResponseEntity<ProblemDetail> transition(InvalidTransition e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "invalid-transition", "Illegal status transition",
                e.getMessage(), request, null);
        if (e.from() != null) {
            problem.setProperty("from", e.from());
            problem.setProperty("to", e.to());
        }
        return respond(problem);
    }

    @ExceptionHandler(StoreBusy.class)
    ResponseEntity<ProblemDetail> busy(StoreBusy e, HttpServletRequest request) {
        LOG.warn("store busy on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-busy", "Store busy", e.getMessage(), request,
                null));
    }

    /** 507: the client can do nothing but wait; the detail says where the store is and how much room is left. */
    @ExceptionHandler(StoreFull.class)
    ResponseEntity<ProblemDetail> full(StoreFull e, HttpServletRequest request) {
        LOG.error("store full on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(problem(HttpStatus.INSUFFICIENT_STORAGE, "store-full", "Insufficient storage", e.getMessage(),
                request, null));
    }

    @ExceptionHandler(StoreFailure.class)
    ResponseEntity<ProblemDetail> store(StoreFailure e, HttpServletRequest request) {
        LOG.error("store failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "store-failure", "Store failure", e.getMessage(),
                request, null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the service failed; the log has the details", request, null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestGuard.BodyTooLarge tooLarge = causeOf(e, RequestGuard.BodyTooLarge.class);
        if (tooLarge != null) {
            return Problems.<Object>cast(respond(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Content Too Large", tooLarge.getMessage(), servlet(request), null)));
        }
        Throwable cause = e.getMostSpecificCause();
        String detail;
        String field = null;
        RequestGuard.BodyNotUtf8 notUtf8 = causeOf(e, RequestGuard.BodyNotUtf8.class);
        if (notUtf8 != null) {
            detail = notUtf8.getMessage();
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown, unknown.getPropertyName());
            detail = "unknown property '" + unknown.getPropertyName() + "'; known properties: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            field = path(invalid, null);
            detail = (invalid.getValue() instanceof Number
                    ? "a number is not accepted for an enum; use a name: one of "
                    : "'" + echoed(invalid.getValue()) + "' is not one of ") + names(invalid.getTargetType());
        } else if (cause instanceof InvalidFormatException invalid
                && (invalid.getTargetType() == java.time.Duration.class
                || invalid.getTargetType() == java.time.Instant.class)) {
            // WireValues' own words: what is wrong with the text (not ISO-8601, or outside the range kept).
            field = path(invalid, null);
            detail = invalid.getOriginalMessage();
        } else if (cause instanceof InvalidNullException nullValue) {
            field = path(nullValue, null);
            detail = "must not be null";
        } else if (cause instanceof MismatchedInputException mismatch) {
            field = path(mismatch, null);
            detail = field.isEmpty() ? "the body must be " + WireTypes.describe(mismatch.getTargetType())
                    : "must be " + WireTypes.describe(mismatch.getTargetType());
        } else if (cause instanceof StreamConstraintsException tooMuch) {
            detail = "the JSON is nested too deeply or holds a value too long to read" + location(tooMuch);
        } else if (cause instanceof InputCoercionException outOfRange) {
            field = path(outOfRange, null);
            Class<?> target = outOfRange.getTargetType();
            detail = "the number is too large for " + WireTypes.describe(target)
                    + (target == int.class || target == Integer.class ? " (at most 2147483647)" : "")
                    + location(outOfRange);
        } else if (cause instanceof StreamReadException malformed) {
            detail = "malformed JSON: " + withoutSource(malformed.getOriginalMessage()) + location(malformed);
        } else if (cause instanceof JacksonException jackson) {
            field = path(jackson, null);
            detail = "the value does not have the expected shape" + location(jackson);
        } else {
            detail = "the body is missing or cannot be read";
        }
        List<Violation> errors = field == null || field.isEmpty() ? null
                : List.of(new Violation(field, detail));
        if (field != null && !field.isEmpty()) {
            detail = field + ": " + detail;
        }
        return Problems.<Object>cast(respond(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
                detail, servlet(request), errors)));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return Problems.<Object>cast(multipart(e, servlet(request)));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException || causeOf(e, RequestGuard.BodyTooLarge.class) != null) {
            long max = e instanceof MaxUploadSizeExceededException size ? size.getMaxUploadSize() : -1;
            return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Content Too Large",
                    max > 0 ? "the upload is larger than the " + max + " bytes accepted"
                            : "a part of the upload is over a limit: its headers (the file name counts) are too"
                            + " long, or there are too many parts", request, null));
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body",
                "the multipart/form-data body cannot be read: its boundary or part headers are malformed",
                request, null));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Violation> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new Violation(f.getField(), String.valueOf(f.getDefaultMessage())))
                .sorted(java.util.Comparator.comparing(Violation::field))
                .toList();
        return Problems.<Object>cast(respond(problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                "Validation failed: " + errors.stream().map(v -> v.field() + " " + v.message())
                        .collect(Collectors.joining("; ")), servlet(request), errors)));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        boolean repeatable = type != null && java.util.Collection.class.isAssignableFrom(type);
        if (e instanceof MethodArgumentTypeMismatchException m && repeatable) {
            // ?status=A&status=B binds to a list: name the element type, not "List".
            type = org.springframework.core.ResolvableType.forMethodParameter(m.getParameter()).resolveGeneric(0);
        }
        WireValues.Refused refused = causeOf(e, WireValues.Refused.class);
        String given = echoed(e.getValue() instanceof Object[] values
                ? Arrays.stream(values).map(String::valueOf).collect(Collectors.joining("', '"))
                : String.valueOf(e.getValue()));
        // A repeatable parameter (?status=A&status=B) arrives as an array; one value of it was refused.
        String detail = type != null && type.isEnum()
                ? (repeatable ? "each of '" + given + "' must be one of " : "'" + given + "' is not one of ") + names(type)
                : refused != null ? refused.getMessage()
                : "'" + given + "' is not " + WireTypes.describe(type);
        return Problems.<Object>cast(respond(problem(HttpStatus.BAD_REQUEST, "validation", "Invalid input",
                name + ": " + detail, servlet(request), List.of(new Violation(String.valueOf(name), detail)))));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return Problems.<Object>cast(respond(problem(HttpStatus.NOT_FOUND, "http-404", "Not Found",
                ProblemJson.NO_RESOURCE, servlet(request), null)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(URI.create(TYPE_PREFIX + "http-" + status.value()));
            }
            if (problem.getInstance() == null) {
                problem.setInstance(URI.create(servlet(request).getRequestURI()));
            }
            logged(problem.getStatus(), String.valueOf(problem.getType()), problem.getDetail(),
                    String.valueOf(problem.getInstance()));
        }
        return response;
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail,
                                 HttpServletRequest request, List<Violation> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (errors != null) {
            problem.setProperty("errors", errors.stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        }
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        logged(problem.getStatus(), String.valueOf(problem.getType()), problem.getDetail(),
                String.valueOf(problem.getInstance()));
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A refused request is the client's business: one line in the log, never a stack trace. */
    static void logged(int status, String type, String detail, String instance) {
        if (status < 500) {
            LOG.info("{} {} {}: {}", status, instance, type.substring(type.lastIndexOf('/') + 1),
                    cut(String.valueOf(detail), 1000));
        }
    }

    /** A refused value as the answer quotes it: whole up to 100 characters, then cut and said so. */
    static String echoed(Object value) {
        return cut(String.valueOf(value), 100);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
    }

    @SuppressWarnings("unchecked")
    private static <T> ResponseEntity<T> cast(ResponseEntity<?> response) {
        return (ResponseEntity<T>) response;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    /** The JSON path of a binding failure: {@code tasks[3].priority}. */
    private static String path(JacksonException e, String leaf) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (path.length() == 0 && leaf != null) {
            path.append(leaf);
        }
        return path.toString();
    }

    /** Jackson names its (redacted) source inside the message; the client needs only line and column. */
    private static String withoutSource(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                .replaceAll("\\s*at \\[Source:.*?\\]", "");
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
    }

    private static String names(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }
}
