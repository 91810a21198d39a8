package org.yibao.engine.supervision;

import java.time.LocalDate;
import java.time.Period;

/**
 * The insured person a visit is about ({@code patient_dtos}).
 *
 * @param id        {@code patn_id} (the psn_no)
 * @param sex       {@code gend}: "1" male, "2" female; null when unknown (sex rules then stay silent)
 * @param birthDate {@code brdy}; null when unknown (age rules then stay silent)
 * @param deathDate date of death when known (discharge way 5 死亡), else null
 */
public record Patient(String id, String sex, LocalDate birthDate, LocalDate deathDate) {

    public Patient {
        java.util.Objects.requireNonNull(id, "id");
    }

    /** Completed years on {@code day}, or -1 when the birth date is unknown. */
    public int ageOn(LocalDate day) {
        return birthDate == null ? -1 : Period.between(birthDate, day).getYears();
    }
}
