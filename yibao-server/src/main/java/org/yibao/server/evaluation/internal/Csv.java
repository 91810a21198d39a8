package org.yibao.server.evaluation.internal;

import java.util.ArrayList;
import java.util.List;
import org.yibao.server.platform.web.InvalidInputException;

/**
 * The CSV of the evaluation imports: UTF-8 (a BOM is ignored), comma-separated, a header line naming the
 * columns in the expected order; a field that holds a comma or a quote is written in double quotes (a
 * quote inside doubled: ""), and no field holds a line break. Blank lines are skipped. Line numbers count from 1
 * with the header as line 1, as a spreadsheet shows them.
 */
public final class Csv {

    /** At most this many data lines per import: a year of one region's reviews fits; more is split. */
    public static final int MAX_LINES = 5000;

    /** One data line: its number in the file and its fields. */
    public record Line(int number, List<String> fields) {
        public String get(int i) {
            return i < fields.size() ? fields.get(i).strip() : "";
        }
    }

    private Csv() {}

    /** The data lines of {@code text}, whose header must be exactly {@code columns}; else 400 naming line 1. */
    public static List<Line> parse(String text, List<String> columns) {
        String body = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] raw = body.split("\r?\n", -1);
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (raw.length == 0 || raw[0].isBlank()) {
            throw new InvalidInputException("line 1", "header", "the file is empty: the first line must be the header "
                    + String.join(",", columns));
        }
        List<String> header = split(raw[0], 1, errors).stream().map(String::strip).toList();
        if (!header.equals(columns)) {
            throw new InvalidInputException("line 1", "header", "the header must be " + String.join(",", columns) + " (got "
                    + raw[0].strip() + ")");
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 1; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            List<String> fields = split(raw[i], i + 1, errors);
            if (fields.size() != columns.size()) {
                errors.add(new InvalidInputException.FieldError("line " + (i + 1), "columns", "expected " + columns.size()
                        + " fields (" + String.join(",", columns) + "), got " + fields.size() + "; quote a field that holds a comma"));
            }
            lines.add(new Line(i + 1, fields));
        }
        if (lines.isEmpty()) {
            errors.add(new InvalidInputException.FieldError("line 2", "required", "no data lines after the header"));
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new InvalidInputException.FieldError("file", "max_lines", "at most " + MAX_LINES + " data lines per import (got "
                    + lines.size() + "); split the file"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), 20)));
        }
        return lines;
    }

    private static List<String> split(String line, int number, List<InvalidInputException.FieldError> errors) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.toString().isBlank()) {
                quoted = true;
                f.setLength(0);
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            errors.add(new InvalidInputException.FieldError("line " + number, "quote", "a quoted field is not closed"));
        }
        fields.add(f.toString());
        return fields;
    }
}
