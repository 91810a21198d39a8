package org.yibao.engine.drg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The CHS-DRG grouper (分组器), driven only by the tables of one version (README §5): validate the case,
 * try each MDC in table order, and inside the first MDC whose entry rule holds, the ADRG/QY steps in
 * order; the first matching ADRG is split into its first DRG whose split rule holds. An MDC entered with
 * no matching step falls through to the next MDC; no MDC at all gives {@code 0000}.
 *
 * <p>Immutable and safe to share between threads; grouping a case allocates a few small objects and
 * does hash lookups only. {@link GroupingResult#reasons()} walks the same path again with a recording
 * trace, so the explanation comes from the very code that decided.
 */
public final class DrgGrouper {

    /** README §3: whether diagnosis and procedure codes are first mapped through icd10_map / icd9cm3_map. */
    public enum CodeNormalisation {
        /** Codes are used as sent (the upstream default and the reference results). */
        OFF,
        /** Every code must be a key of its map and is replaced by its target. */
        ON
    }

    private final DrgTables tables;
    private final CodeNormalisation normalisation;

    public DrgGrouper(DrgTables tables) {
        this(tables, CodeNormalisation.OFF);
    }

    public DrgGrouper(DrgTables tables, CodeNormalisation normalisation) {
        this.tables = Objects.requireNonNull(tables, "tables");
        this.normalisation = Objects.requireNonNull(normalisation, "normalisation");
    }

    public GrouperVersion version() {
        return tables.version();
    }

    public DrgTables tables() {
        return tables;
    }

    public GroupingResult group(DrgCase c) {
        return group(c, Trace.SILENT);
    }

    /** The path of reasons for a case as sent: code normalisation when on, validation, each MDC, ADRG and DRG split. */
    public List<String> explain(DrgCase c) {
        Trace.Recording trace = new Trace.Recording(tables);
        group(c, trace);
        return trace.lines();
    }

    // ---- the one path, with or without a recording trace ----

    private GroupingResult group(DrgCase sent, Trace trace) {
        DrgCase c = sent;
        if (normalisation == CodeNormalisation.ON) {
            c = normalise(sent, trace);
            if (c == null) {
                return GroupingResult.failed(this, sent, sent, notMappedStatus(sent));
            }
        }
        String failure = validate(c);
        if (failure != null) {
            trace.invalid(failure);
            return GroupingResult.failed(this, sent, c, GroupingStatus.CHECK_FAILED);
        }
        CaseFacts f = new CaseFacts(c, tables, normaliseSex(c.sex()));
        trace.valid(f);
        for (DrgTables.Mdc m : tables.mdcs()) {
            boolean entered = m.entry().test(f);
            trace.mdc(m, entered, f);
            if (!entered) {
                continue;
            }
            for (DrgTables.Step s : m.steps()) {
                boolean matched = s.rule().test(f);
                trace.step(s, matched, f);
                if (!matched) {
                    continue;
                }
                if (s.qy()) {
                    return GroupingResult.of(this, sent, c, s.code());
                }
                for (DrgTables.Split d : s.splits()) {
                    boolean split = d.rule().test(f);
                    trace.split(d, split, f);
                    if (split) {
                        return GroupingResult.of(this, sent, c, d.drg());
                    }
                }
                trace.adrgFallBack(s);
                return GroupingResult.of(this, sent, c, s.code());
            }
            trace.fellThrough(m);
        }
        trace.noGroup();
        return GroupingResult.failed(this, sent, c, GroupingStatus.FAIL);
    }

    /** README §2, in order; null when the case passes. */
    private static String validate(DrgCase c) {
        if (c.sex().isEmpty()) {
            return "sex is missing (1 male, 2 female)";
        }
        if (c.ageYears() == 0 && c.ageDays() <= 28 && c.weightGrams() == 0) {
            return "a newborn (age 0, " + c.ageDays() + " days) needs a birth weight in grams";
        }
        if (c.diagnoses().isEmpty()) {
            return "there is no diagnosis";
        }
        // The upstream grouper crashes on a case with neither diagnosis nor procedure (README §1 step 2).
        if (c.procedures().isEmpty() && c.diagnoses().size() == 1 && c.diagnoses().get(0).isEmpty()) {
            return "there is neither a diagnosis nor a procedure";
        }
        return null;
    }

    /** README §2: "1.0" is 1; 男 is 1, 女 is 2; anything else is kept. */
    static String normaliseSex(String sex) {
        int dot = sex.indexOf('.');
        if (dot >= 0) {
            return sex.substring(0, dot);
        }
        return switch (sex) {
            case "男" -> "1";
            case "女" -> "2";
            default -> sex;
        };
    }

    /** README §3; null when a code has no mapping (the trace says which). */
    private DrgCase normalise(DrgCase c, Trace trace) {
        List<String> dx = mapAll(c.diagnoses(), tables::mapDiagnosis, "diagnosis", trace);
        List<String> proc = dx == null ? null : mapAll(c.procedures(), tables::mapProcedure, "procedure", trace);
        return proc == null ? null : c.withCodes(dx, proc);
    }

    private static List<String> mapAll(List<String> codes, UnaryOperator<String> map, String kind, Trace trace) {
        List<String> out = new ArrayList<>(codes.size());
        for (String code : codes) {
            String target = map.apply(code);
            if (target == null) {
                trace.notMapped(kind, code);
                return null;
            }
            trace.normalised(kind, code, target);
            out.add(target);
        }
        return out;
    }

    private GroupingStatus notMappedStatus(DrgCase c) {
        for (String code : c.diagnoses()) {
            if (tables.mapDiagnosis(code) == null) {
                return GroupingStatus.ZD_NOT_MAPPING;
            }
        }
        return GroupingStatus.SS_NOT_MAPPING;
    }

    List<Complication> complications(DrgCase c) {
        return tables.complications(c.diagnoses());
    }

    /**
     * Where the one grouping path reports its decisions: nowhere when grouping (every method is a no-op and
     * nothing is formatted), to a list of sentences when explaining.
     */
    private interface Trace {

        Trace SILENT = new Trace() {};

        default void normalised(String kind, String code, String target) {}

        default void notMapped(String kind, String code) {}

        default void invalid(String failure) {}

        default void valid(CaseFacts f) {}

        default void mdc(DrgTables.Mdc m, boolean entered, CaseFacts f) {}

        default void step(DrgTables.Step s, boolean matched, CaseFacts f) {}

        default void split(DrgTables.Split d, boolean holds, CaseFacts f) {}

        default void adrgFallBack(DrgTables.Step s) {}

        default void fellThrough(DrgTables.Mdc m) {}

        default void noGroup() {}

        final class Recording implements Trace {
            private final DrgTables tables;
            private final List<String> lines = new ArrayList<>();

            Recording(DrgTables tables) {
                this.tables = tables;
            }

            @Override
            public void normalised(String kind, String code, String target) {
                if (!target.equals(code)) {
                    lines.add("Code normalisation: " + kind + " " + code + " is read as \"" + target + "\".");
                }
            }

            @Override
            public void notMapped(String kind, String code) {
                boolean dx = kind.equals("diagnosis");
                lines.add("Code normalisation: " + kind + " \"" + code + "\" is not in the "
                        + (dx ? "ICD-10 医保版 2.0 map (icd10_map): 诊断不能转换为分组器支持的编码"
                              : "ICD-9-CM-3 医保版 2.0 map (icd9cm3_map): 手术操作不能转换为分组器支持的编码")
                        + ". Recode it with a 医保版 2.0 code.");
            }

            @Override
            public void invalid(String failure) {
                lines.add("Validation failed (信息校验不通过): " + failure + ".");
            }

            @Override
            public void valid(CaseFacts f) {
                DrgCase c = f.source;
                lines.add("Validation passed: sex \"" + f.sex + "\", age " + c.ageYears() + " years / " + c.ageDays()
                        + " days, birth weight " + c.weightGrams() + " g, principal diagnosis "
                        + tables.describeDiagnosis(f.principal) + ", " + f.diagnoses.length + " diagnosis code(s), "
                        + f.procedures.length + " procedure code(s).");
            }

            @Override
            public void mdc(DrgTables.Mdc m, boolean entered, CaseFacts f) {
                rule((entered ? "Entered " : "Not ") + m.code() + " " + m.name(), m.entry(), f);
            }

            @Override
            public void step(DrgTables.Step s, boolean matched, CaseFacts f) {
                String what = s.qy() ? "the ambiguous-case step (歧义病案) " : "ADRG ";
                rule("  " + (matched ? "Matched " : "Not ") + what + s.code() + " " + s.name(), s.rule(), f);
            }

            @Override
            public void split(DrgTables.Split d, boolean holds, CaseFacts f) {
                rule("    " + (holds ? "DRG " : "Not DRG ") + d.drg() + " " + d.name(), d.rule(), f);
            }

            @Override
            public void adrgFallBack(DrgTables.Step s) {
                lines.add("    No DRG split of " + s.code() + " holds: the result is the ADRG code itself.");
            }

            @Override
            public void fellThrough(DrgTables.Mdc m) {
                lines.add("  " + m.code() + " was entered but none of its ADRGs matched: trying the next MDC.");
            }

            @Override
            public void noGroup() {
                lines.add("No MDC gives a group: 0000 (无法入组). Check the principal diagnosis and the main procedure.");
            }

            private void rule(String decision, Rule rule, CaseFacts f) {
                List<String> clauses = new ArrayList<>();
                rule.explain(f, clauses);
                lines.add(decision + ": " + String.join("; ", clauses) + ".");
            }

            List<String> lines() {
                return List.copyOf(lines);
            }
        }
    }
}
