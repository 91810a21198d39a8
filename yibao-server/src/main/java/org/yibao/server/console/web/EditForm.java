package org.yibao.server.console.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.yibao.server.platform.web.ConflictException;
import org.yibao.server.platform.web.InvalidInputException;
import org.yibao.server.platform.web.RefusalTexts;

/**
 * The submitted values of an edit form as typed, and one error message per field. Field names are
 * those of the admin API (snake_case, plus {@code effectiveFrom}), so the refusals of a context's
 * public API land next to the right input. Values are read leniently: a value that does not parse
 * (a letter in a number) becomes a field error here, before the context is called.
 */
final class EditForm {

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final MessageSource messages;
    private final RefusalTexts texts;
    private final Locale locale;

    /** Refusals of the contexts are shown in the page's language ({@link RefusalTexts}); form labels come from {@code messages}. */
    EditForm(Map<String, String> values, MessageSource messages, RefusalTexts texts, Locale locale) {
        this.values = new LinkedHashMap<>(values);
        this.messages = messages;
        this.texts = texts;
        this.locale = locale;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, String> getErrors() {
        return errors;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** A text value, stripped; null when blank. */
    String text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A checkbox: present (any value but "false") means checked. */
    boolean flag(String name) {
        String v = values.get(name);
        return v != null && !"false".equals(v);
    }

    Integer integer(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            reject(name, "form.error.integer");
            return null;
        }
    }

    BigDecimal decimal(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            reject(name, "form.error.decimal");
            return null;
        }
    }

    LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            reject(name, "form.error.date");
            return null;
        }
    }

    private void reject(String name, String key) {
        errors.putIfAbsent(name, messages.getMessage(key, null, key, locale));
    }

    /** A refusal about one field ({@code form} when it is about the whole form); the first message per field is shown. */
    void error(String field, String message) {
        errors.putIfAbsent(field == null ? "form" : field, texts.text(message, locale));
    }

    /** The context's refusal, field by field (the first message per field is shown). */
    void add(InvalidInputException e) {
        texts.errors(e.errors(), locale).forEach(error -> errors.putIfAbsent(error.field(), error.message()));
    }

    void add(ConflictException e) {
        errors.putIfAbsent(e.field() == null ? "form" : e.field(), texts.text(e.getMessage(), locale));
    }
}
