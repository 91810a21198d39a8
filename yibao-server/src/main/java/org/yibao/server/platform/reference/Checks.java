package org.yibao.server.platform.reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yibao.server.platform.web.InvalidInputException;

/**
 * Collects field-level refusals of one request so that the caller gets all of them at once (400
 * problem+json with {field, rule, message}); {@link #throwIfAny()} before anything is written.
 */
public final class Checks {

    private static final Pattern ADMDVS = Pattern.compile("\\d{6}");

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public Checks add(String field, String rule, String message) {
        errors.add(new InvalidInputException.FieldError(field, rule, message));
        return this;
    }

    public boolean ok(String field) {
        return errors.stream().noneMatch(e -> e.field().equals(field));
    }

    /** Required text: present, not blank, at most {@code max} characters. */
    public boolean text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "required", "required: give a non-empty value");
            return false;
        }
        if (value.length() > max) {
            add(field, "max_length", "at most " + max + " characters (got " + value.length() + ")");
            return false;
        }
        return true;
    }

    /** Optional text of at most {@code max} characters. */
    public void optionalText(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "max_length", "at most " + max + " characters (got " + value.length() + ")");
        }
    }

    public boolean required(String field, Object value) {
        if (value == null) {
            add(field, "required", "required");
            return false;
        }
        return true;
    }

    public boolean matches(String field, String value, Pattern pattern, String rule, String message) {
        if (!required(field, value)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            add(field, rule, message);
            return false;
        }
        return true;
    }

    /** A region code: 6 digits (existence is checked by Regions.exists). */
    public boolean admdvsFormat(String field, String value) {
        return matches(field, value, ADMDVS, "format", "a region code (admdvs) is 6 digits, e.g. 990100");
    }

    /** At most {@code scale} decimals, e.g. 4 for ratios, 2 for money, 6 for unit prices. */
    public boolean decimals(String field, BigDecimal value, int scale) {
        if (value != null && value.stripTrailingZeros().scale() > scale) {
            add(field, "scale", "at most " + scale + " decimals (got " + value.toPlainString() + ")");
            return false;
        }
        return true;
    }

    /** Asked page and size: page from 0, size 1..{@value Page#MAX_SIZE}. */
    public static void paging(int page, int size) {
        Checks c = new Checks();
        if (page < 0) {
            c.add("page", "min", "page numbers start at 0");
        }
        if (size < 1 || size > Page.MAX_SIZE) {
            c.add("size", "max", "page size must be between 1 and " + Page.MAX_SIZE + " (got " + size + ")");
        }
        c.throwIfAny();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
