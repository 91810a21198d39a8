package org.yibao.engine.supervision;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.yibao.engine.money.Money;

/**
 * One visit (就诊) of a person ({@code fsi_encounter_dtos}, or a stored visit after settlement).
 *
 * @param id               {@code mdtrt_id}
 * @param institutionCode  {@code medins_id} (fixmedins_code)
 * @param institutionLevel 1–3, null for a pharmacy or when unknown
 * @param allianceCode     the medical alliance (医联体/医共体) the institution belongs to, null when none
 * @param regionCode       the institution's pooling region (peers are compared within it)
 * @param inpatient        住院 (true) or outpatient/pharmacy (false)
 * @param admissionDate    {@code adm_date} (the visit's day for an outpatient visit)
 * @param dischargeDate    {@code dscg_date}; null while the stay is open
 * @param diagnoses        diagnosis codes (ICD-10 医保版), main first
 * @param lines            the orders or fee lines
 */
public record Encounter(String id, String patientId, String institutionCode, Integer institutionLevel, String allianceCode,
                        String regionCode, boolean inpatient, LocalDate admissionDate, LocalDate dischargeDate,
                        List<String> diagnoses, List<Line> lines) {

    public Encounter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(admissionDate, "admissionDate");
        diagnoses = List.copyOf(diagnoses);
        lines = List.copyOf(lines);
    }

    /** The last day of the visit: discharge, or the admission day for an outpatient visit; null for an open stay. */
    public LocalDate lastDay() {
        return dischargeDate != null ? dischargeDate : inpatient ? null : admissionDate;
    }

    /** Length of stay in days (discharge − admission, at least 1), or 0 while open. */
    public long lengthOfStay() {
        return dischargeDate == null ? 0 : Math.max(1, dischargeDate.toEpochDay() - admissionDate.toEpochDay());
    }

    public Money amount() {
        Money sum = Money.ZERO;
        for (Line l : lines) {
            sum = sum.plus(l.amount());
        }
        return sum;
    }

    public Encounter withLines(List<Line> newLines) {
        return new Encounter(id, patientId, institutionCode, institutionLevel, allianceCode, regionCode, inpatient,
                admissionDate, dischargeDate, diagnoses, newLines);
    }
}
