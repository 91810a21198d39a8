package org.yibao.server.evaluation.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.yibao.server.platform.web.InvalidInputException;

/**
 * Field checks of one form or of every line of a CSV import, collected and thrown together before
 * anything is written. In an import a field is named {@code line N, column name}; in a form just
 * {@code name}.
 */
public final class LineChecks {

    /** The most errors one answer lists; the rest would say the same. */
    static final int MAX_ERRORS = 50;

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();
    private final LocalDate today;

    public LineChecks(LocalDate today) {
        this.today = today;
    }

    public static String field(Csv.Line line, String column) {
        return line == null ? column : "line " + line.number() + ", column " + column;
    }

    public void add(String field, String rule, String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new InvalidInputException.FieldError(field, rule, message));
        }
    }

    /** A date YYYY-MM-DD from 2000 on, not after today. */
    public LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", "required: a date YYYY-MM-DD");
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.isAfter(today)) {
                add(field, "not_future", "the date " + d + " is after today (" + today + "); record what has happened");
                return null;
            }
            if (d.getYear() < 2000) {
                add(field, "min", "the date " + d + " is before 2000");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            add(field, "format", "a date YYYY-MM-DD (got " + value.strip() + ")");
            return null;
        }
    }

    /** A flag written 1/0 (also true/false, Y/N, 是/否). */
    public Boolean flag(String field, String value, String meaningOfOne) {
        String v = value == null ? "" : value.strip().toLowerCase();
        return switch (v) {
            case "1", "true", "y", "yes", "是" -> Boolean.TRUE;
            case "0", "false", "n", "no", "否" -> Boolean.FALSE;
            default -> {
                add(field, "flag", "1 (" + meaningOfOne + ") or 0 (not); got '" + (value == null ? "" : value.strip()) + "'");
                yield null;
            }
        };
    }

    /** Required text of at most {@code max} characters. */
    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required", "required: give a non-empty value");
            return null;
        }
        return optional(field, value, max);
    }

    /** Optional text of at most {@code max} characters; blank is null. */
    public String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            add(field, "max_length", "at most " + max + " characters (got " + v.length() + ")");
            return null;
        }
        return v;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
