package org.yibao.server.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every refusal of the admin API into RFC 9457 {@code application/problem+json}: status,
 * title, detail and, for bad input, {@code errors[]} of {@code {field, rule, message}}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler {

    private static final URI INVALID = URI.create("https://yibao.org/problems/invalid-input");
    private static final URI NOT_FOUND = URI.create("https://yibao.org/problems/not-found");
    private static final URI CONFLICT = URI.create("https://yibao.org/problems/conflict");

    private final RefusalTexts texts;

    ApiProblemHandler(RefusalTexts texts) {
        this.texts = texts;
    }

    /** Chinese by default; English detail and messages when the client asks with {@code Accept-Language: en}. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e, HttpServletRequest request) {
        return invalid(texts.errors(e.errors(), language(request)));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException e) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(new InvalidInputException.FieldError(fe.getField(), fe.getCode(), fe.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new InvalidInputException.FieldError(ge.getObjectName(), ge.getCode(), ge.getDefaultMessage())));
        return invalid(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> parameterValidation(HandlerMethodValidationException e) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                errors.add(new InvalidInputException.FieldError(r.getMethodParameter().getParameterName(),
                        err.getCodes() == null || err.getCodes().length == 0 ? "invalid" : last(err.getCodes()),
                        err.getDefaultMessage()))));
        return invalid(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return invalid(List.of(new InvalidInputException.FieldError(e.getName(), "type",
                "'" + e.getValue() + "' is not a valid " + expected)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException de && !de.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : de.getPath()) {
                if (ref.getPropertyName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getPropertyName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return invalid(List.of(new InvalidInputException.FieldError(path.toString(), "type",
                    "cannot read this value: " + de.getOriginalMessage())));
        }
        return invalid(List.of(new InvalidInputException.FieldError("body", "json",
                "the body is not valid JSON of the expected shape")));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        pd.setType(NOT_FOUND);
        pd.setTitle("Not found");
        pd.setProperty("entity", e.entity());
        pd.setProperty("key", e.key());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(pd);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        String message = texts.text(e.getMessage(), language(request));
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
        pd.setType(CONFLICT);
        pd.setTitle("Conflict");
        pd.setProperty("errors", List.of(Map.of("field", e.field(), "rule", e.rule(), "message", message)));
        return ResponseEntity.status(HttpStatus.CONFLICT).body(pd);
    }

    /**
     * Framework refusals (unknown path, wrong method, unsupported media type, missing parameter): a
     * problem body for API clients; for console pages the exception goes on to the servlet container's
     * error page, so that a browser sees the console's 404 page rather than JSON.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> frameworkRefusal(ErrorResponseException e, HttpServletRequest request) throws ErrorResponseException {
        return problemOrRethrow(e, e, request);
    }

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> servletRefusal(Exception e, HttpServletRequest request) throws Exception {
        return problemOrRethrow((ErrorResponse) e, e, request);
    }

    private static <E extends Exception> ResponseEntity<ProblemDetail> problemOrRethrow(ErrorResponse response, E e, HttpServletRequest request) throws E {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") && !path.startsWith("/v3/") && !path.startsWith("/fsi/") && !path.startsWith("/inst/")) {
            throw e;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
    }

    private static ResponseEntity<ProblemDetail> invalid(List<InvalidInputException.FieldError> errors) {
        String detail = errors.isEmpty() ? "invalid input"
                : errors.stream().map(err -> err.field() + ": " + err.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        pd.setType(INVALID);
        pd.setTitle("Invalid input");
        pd.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(pd);
    }

    private static Locale language(HttpServletRequest request) {
        return RefusalTexts.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    private static String last(String[] codes) {
        // Bean validation codes run from the most to the least specific; the last is the rule's name.
        return codes[codes.length - 1];
    }
}
