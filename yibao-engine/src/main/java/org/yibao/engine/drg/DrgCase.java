package org.yibao.engine.drg;

import java.util.List;
import java.util.Objects;

/**
 * One case as the grouper reads it: exactly the fields of the OpenDRG input record (README §1).
 *
 * @param index case id (any text without commas)
 * @param sex sex as sent: {@code 1} male, {@code 2} female; {@code 1.0}, {@code 男} and {@code 女} are
 *     normalised by the grouper, any other value is kept and satisfies neither {@code sex=1} nor {@code sex=2};
 *     the empty string fails validation
 * @param ageYears age in whole years (年龄)
 * @param ageDays age in days (年龄（天）): days since birth for a newborn
 * @param weightGrams birth weight in grams (新生儿出生体重), 0 when not given
 * @param dept discharge department (not used for grouping)
 * @param losDays length of stay in days (住院天数; not used by any CHS-DRG 1.1 rule)
 * @param leavingType discharge disposition (离院方式; not used by any CHS-DRG 1.1 rule)
 * @param diagnoses diagnosis codes, the principal diagnosis (主要诊断) first; empty strings are kept
 * @param procedures procedure codes, the main procedure (主要手术操作) first; may be empty
 */
public record DrgCase(String index, String sex, int ageYears, int ageDays, int weightGrams, String dept, int losDays,
        String leavingType, List<String> diagnoses, List<String> procedures) {

    public DrgCase {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(sex, "sex");
        dept = dept == null ? "" : dept;
        leavingType = leavingType == null ? "" : leavingType;
        diagnoses = List.copyOf(diagnoses);
        procedures = List.copyOf(procedures);
    }

    /** The principal diagnosis, or the empty string when there is none. */
    public String principalDiagnosis() {
        return diagnoses.isEmpty() ? "" : diagnoses.get(0);
    }

    /** The main procedure, or {@code null} when there is no procedure. */
    public String mainProcedure() {
        return procedures.isEmpty() ? null : procedures.get(0);
    }

    DrgCase withCodes(List<String> newDiagnoses, List<String> newProcedures) {
        return new DrgCase(index, sex, ageYears, ageDays, weightGrams, dept, losDays, leavingType, newDiagnoses,
                newProcedures);
    }
}
