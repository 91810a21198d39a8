package org.yibao.engine.drg;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one line of the OpenDRG input format (README §1) into a {@link DrgCase}:
 * {@code index,sex,age,ageDay,weight,dept,inHospitalTime,leavingType,zdList,ssList}. Fields after the
 * tenth are ignored (so a file with results appended, such as samples.csv, can be read back).
 *
 * <p>Parsing follows the upstream {@code GroupProxy.group_record} step by step, except where it crashes:
 * a line with fewer than 9 fields, or a number field that is not a number, is refused with a
 * {@link MalformedCaseLineException} naming line, column and what is expected. A line whose diagnosis
 * and procedure fields are both empty (upstream: a crash) becomes a case with the one empty diagnosis
 * and no procedure, which the grouper answers with CHECK_FAILED.
 */
public final class DrgCaseLine {

    /** Field names of the input format, in order (1-based column = index + 1). */
    public static final List<String> FIELDS = List.of("index", "sex", "age", "ageDay", "weight", "dept",
            "inHospitalTime", "leavingType", "zdList", "ssList");

    /** Numbers beyond this are refused rather than silently wrapped (no age, weight or stay is that large). */
    private static final BigDecimal LIMIT = BigDecimal.valueOf(100_000_000L);

    private DrgCaseLine() {}

    /** Whether the line is a header row ({@code index,...} or {@code Index,gender,...}), which a file may start with. */
    public static boolean isHeader(String line) {
        int comma = line.indexOf(',');
        String first = (comma < 0 ? line : line.substring(0, comma)).strip();
        return first.toLowerCase(Locale.ROOT).equals("index");
    }

    public static DrgCase parse(String line, long lineNumber) {
        List<String> fields = splitFields(unquote(line));
        if (fields.size() < 9) {
            throw new MalformedCaseLineException(lineNumber, 0, "line", null,
                    "at least 9 comma-separated fields (" + String.join(",", FIELDS) + "), found " + fields.size());
        }
        String index = fields.get(0);
        String sex = fields.get(1);
        int age = number(fields, 2, lineNumber, "age in whole years, e.g. 45 (empty counts as 0)");
        int ageDay = number(fields, 3, lineNumber, "age in days, e.g. 20 (empty counts as 0)");
        int weight = number(fields, 4, lineNumber, "birth weight in grams, e.g. 3200, or empty");
        String dept = cutAtDot(fields.get(5));
        int los = number(fields, 6, lineNumber, "length of stay in days, e.g. 7 (empty counts as 0)");
        String leavingType = cutAtDot(fields.get(7));
        // Upstream drops trailing empty fields and then needs zdList: an empty zdList with an empty ssList
        // crashes there. Here the empty zdList is the one empty diagnosis, and validation answers.
        List<String> diagnoses = splitCodes(fields.get(8));
        String ss = fields.size() > 9 ? fields.get(9) : "";
        List<String> procedures = ss.isEmpty() ? List.of() : splitCodes(ss);
        return new DrgCase(index, sex, age, ageDay, weight, dept, los, leavingType, diagnoses, procedures);
    }

    /** Step 1: commas inside a double-quoted segment become {@code |}, then every {@code "} goes. */
    static String unquote(String line) {
        if (line.indexOf('"') < 0) {
            return line;
        }
        char[] chars = line.toCharArray();
        int open = -1;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] != '"') {
                continue;
            }
            if (open < 0) {
                open = i;
            } else {
                for (int j = open + 1; j < i; j++) {
                    if (chars[j] == ',') {
                        chars[j] = '|';
                    }
                }
                open = -1;
            }
        }
        return new String(chars).replace("\"", "");
    }

    /**
     * Step 2: split on commas. Upstream then drops trailing empty fields, which only matters for a line
     * whose last fields (zdList, ssList) are empty: there it crashes, here the fields are simply empty.
     */
    private static List<String> splitFields(String line) {
        return split(line, ',');
    }

    /** Steps 4–5: split on {@code |} (commas were already fields), keeping empty items. */
    private static List<String> splitCodes(String field) {
        return split(field, '|');
    }

    /** Every piece between separators, empty ones included ({@code "A|"} is {@code ["A", ""]}). */
    private static List<String> split(String text, char separator) {
        List<String> pieces = new ArrayList<>(12);
        int start = 0;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, start)) {
            pieces.add(text.substring(start, at));
            start = at + 1;
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** Step 3: empty is 0; otherwise a decimal number truncated toward zero ({@code 60.0} is 60). */
    private static int number(List<String> fields, int i, long lineNumber, String expected) {
        String raw = i < fields.size() ? fields.get(i) : "";
        String text = raw.strip();
        if (text.isEmpty()) {
            return 0;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new MalformedCaseLineException(lineNumber, i + 1, FIELDS.get(i), raw, expected);
        }
        if (value.abs().compareTo(LIMIT) > 0) {
            throw new MalformedCaseLineException(lineNumber, i + 1, FIELDS.get(i), raw, expected + ", below " + LIMIT);
        }
        return value.intValue();
    }

    private static String cutAtDot(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? value : value.substring(0, dot);
    }
}
