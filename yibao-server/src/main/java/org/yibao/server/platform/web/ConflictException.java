package org.yibao.server.platform.web;

/** A request that contradicts the current state (duplicate key, overlapping dates): answered 409. */
public class ConflictException extends RuntimeException {

    private final String field;
    private final String rule;

    public ConflictException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
