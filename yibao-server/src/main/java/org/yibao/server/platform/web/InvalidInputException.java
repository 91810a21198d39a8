package org.yibao.server.platform.web;

import java.util.List;

/**
 * Bad input: answered 400 with an {@code application/problem+json} body that lists, per field, the
 * rule broken and what to do. Nothing has been written when it is thrown.
 */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String field, String rule, String message) {
        this(List.of(new FieldError(field, rule, message)));
    }

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One broken rule: the field (JSON path), the rule's name and a message saying what to do. */
    public record FieldError(String field, String rule, String message) {}
}
