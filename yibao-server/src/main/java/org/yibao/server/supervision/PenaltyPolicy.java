package org.yibao.server.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The penalty ranges of a case's decision (R-SUP-4 institutions, R-SUP-5 insured persons), read from
 * the policy data file {@code supervision/penalties.tsv}: per violation the fine range as a multiple of
 * the confirmed amount, whether the amount is refunded, the measures allowed and the range of their
 * length in months. A malformed line is refused with the file, the line and the reason.
 */
public final class PenaltyPolicy {

    public static final String FILE = "supervision/penalties.tsv";
    /** Institution measures: through the sanction mechanism (R-INST-4), or a referral recorded with the case. */
    public static final Set<String> INSTITUTION_MEASURES = Set.of("NONE", "RECTIFICATION", "SUSPENSION", "TERMINATION", "JUDICIARY");
    /** Person measures: on the person's benefit status (R-INS-8), or a referral recorded with the case. */
    public static final Set<String> PERSON_MEASURES = Set.of("NONE", "BENEFIT_SUSPENSION", "BLACKLIST", "JUDICIARY");
    /** Measures that last a number of months. */
    public static final Set<String> TIMED_MEASURES = Set.of("RECTIFICATION", "SUSPENSION", "BENEFIT_SUSPENSION", "BLACKLIST");

    /** One violation's ranges. {@code fineMin}/{@code fineMax} null = no fine; months null = not timed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Violation(String code, String subject, String nameZh, String nameEn, BigDecimal fineMin, BigDecimal fineMax, boolean refund,
                            List<String> measures, boolean measureRequired, Integer monthsMin, Integer monthsMax) {
        public boolean fined() {
            return fineMin != null;
        }

        /** The fine range as people read it: 3–8×. */
        public String fineRange() {
            return fined() ? fineMin.stripTrailingZeros().toPlainString() + "–" + fineMax.stripTrailingZeros().toPlainString() + "×" : "—";
        }
    }

    private final Map<String, Violation> violations;

    private PenaltyPolicy(Map<String, Violation> violations) {
        this.violations = violations;
    }

    public static PenaltyPolicy load() {
        try (InputStream in = PenaltyPolicy.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the class path");
            }
            return parse(FILE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a policy file's text; {@code name} names it in errors. */
    public static PenaltyPolicy parse(String name, String text) {
        Map<String, Violation> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (!header) {
                header = true;
                if (f.length != 11 || !"violation".equals(f[0])) {
                    throw bad(name, i, "the header must have the 11 columns violation … months_max");
                }
                continue;
            }
            if (f.length != 11) {
                throw bad(name, i, "11 tab-separated cells expected, got " + f.length);
            }
            String code = f[0].strip();
            if (!code.matches("[A-Z][A-Z_]{1,29}")) {
                throw bad(name, i, "violation code " + code + " is not upper-case letters and _");
            }
            if (out.containsKey(code)) {
                throw bad(name, i, "violation " + code + " appears twice");
            }
            String subject = f[1].strip();
            if (!subject.equals("INSTITUTION") && !subject.equals("PERSON")) {
                throw bad(name, i, "subject is INSTITUTION or PERSON, got " + subject);
            }
            BigDecimal fineMin = decimal(name, i, "fine_min", f[4]);
            BigDecimal fineMax = decimal(name, i, "fine_max", f[5]);
            if ((fineMin == null) != (fineMax == null)) {
                throw bad(name, i, "give both fine_min and fine_max, or neither");
            }
            if (fineMin != null && (fineMin.signum() <= 0 || fineMin.compareTo(fineMax) > 0)) {
                throw bad(name, i, "fine range " + fineMin + "–" + fineMax + " must be positive with fine_min ≤ fine_max");
            }
            List<String> measures = new ArrayList<>();
            Set<String> allowed = subject.equals("INSTITUTION") ? INSTITUTION_MEASURES : PERSON_MEASURES;
            for (String m : f[7].split(",")) {
                if (!allowed.contains(m.strip())) {
                    throw bad(name, i, "measure " + m.strip() + " is not one of " + new java.util.TreeSet<>(allowed) + " for a " + subject);
                }
                measures.add(m.strip());
            }
            Integer monthsMin = months(name, i, "months_min", f[9]);
            Integer monthsMax = months(name, i, "months_max", f[10]);
            boolean timed = measures.stream().anyMatch(TIMED_MEASURES::contains);
            if (timed && (monthsMin == null || monthsMax == null || monthsMin > monthsMax)) {
                throw bad(name, i, "a timed measure needs months_min ≤ months_max");
            }
            out.put(code, new Violation(code, subject, f[2].strip(), f[3].strip(), fineMin, fineMax, yesNo(name, i, "refund", f[6]),
                    List.copyOf(measures), yesNo(name, i, "measure_required", f[8]), monthsMin, monthsMax));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(name + ": no violations");
        }
        return new PenaltyPolicy(out);
    }

    public List<Violation> violations() {
        return List.copyOf(violations.values());
    }

    public Optional<Violation> find(String code) {
        return Optional.ofNullable(code == null ? null : violations.get(code.strip().toUpperCase()));
    }

    private static IllegalStateException bad(String name, int index, String reason) {
        return new IllegalStateException(name + ":" + (index + 1) + ": " + reason);
    }

    private static BigDecimal decimal(String name, int i, String column, String cell) {
        if (cell.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(cell.strip());
        } catch (NumberFormatException e) {
            throw bad(name, i, column + " " + cell + " is not a number");
        }
    }

    private static Integer months(String name, int i, String column, String cell) {
        if (cell.isBlank()) {
            return null;
        }
        try {
            int m = Integer.parseInt(cell.strip());
            if (m < 1 || m > 120) {
                throw bad(name, i, column + " " + m + " is outside 1–120");
            }
            return m;
        } catch (NumberFormatException e) {
            throw bad(name, i, column + " " + cell + " is not a whole number of months");
        }
    }

    private static boolean yesNo(String name, int i, String column, String cell) {
        return switch (cell.strip()) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw bad(name, i, column + " is yes or no, got " + cell);
        };
    }
}
