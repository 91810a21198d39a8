package org.yibao.engine.dip;

import java.util.Objects;
import org.yibao.engine.money.Money;

/**
 * One inpatient case as DIP reads it.
 *
 * @param caseId        the visit (mdtrt_id)
 * @param year          the year the case counts in (year of discharge)
 * @param diagnosisCode the principal diagnosis (主要诊断, ICD-10 医保版)
 * @param procedureCode the main procedure (主要手术操作, ICD-9-CM-3 医保版), null or blank for none
 * @param cost          the case's medical fees (medfee_sumamt, reversals netted out)
 */
public record DipCase(String caseId, int year, String diagnosisCode, String procedureCode, Money cost) {

    public DipCase {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(cost, "cost");
        if (diagnosisCode == null || diagnosisCode.strip().length() < 3) {
            throw new IllegalArgumentException("case " + caseId + ": a principal diagnosis of at least 3 characters is needed, got: "
                    + diagnosisCode);
        }
        diagnosisCode = diagnosisCode.strip();
        procedureCode = procedureCode == null || procedureCode.isBlank() ? null : procedureCode.strip();
    }

    /** The core group's code: the diagnosis' first 5 characters + the main procedure (or none). */
    public String coreCode() {
        String dx = diagnosisCode.length() > 5 ? diagnosisCode.substring(0, 5) : diagnosisCode;
        return dx + "/" + (procedureCode == null ? "-" : procedureCode);
    }

    /** The comprehensive group's code: the diagnosis category (first 3 characters) + the procedure type. */
    public String comprehensiveCode() {
        return diagnosisCode.substring(0, 3) + "/" + ProcedureType.of(procedureCode);
    }
}
