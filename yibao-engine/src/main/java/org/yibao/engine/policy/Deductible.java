package org.yibao.engine.policy;

import java.util.EnumMap;
import java.util.Collections;
import java.util.Map;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * The deductible (起付线) of a pool for a category: none, an amount per year, or an amount per
 * admission by the level of the institution where the admission happens, of which second and later
 * admissions of the year pay {@code laterAdmissionFactor} (DOMAIN §4.2: 0.5).
 */
public record Deductible(Basis basis, Money perYear, Map<InstitutionLevel, Money> perAdmission, Ratio laterAdmissionFactor) {

    /** How a deductible is counted. */
    public enum Basis { NONE, PER_YEAR, PER_ADMISSION }

    public Deductible {
        perAdmission = perAdmission == null || perAdmission.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(perAdmission));
    }

    public static Deductible none() {
        return new Deductible(Basis.NONE, null, Map.of(), null);
    }

    public static Deductible perYear(Money amount) {
        return new Deductible(Basis.PER_YEAR, amount, Map.of(), null);
    }

    public static Deductible perAdmission(Map<InstitutionLevel, Money> byLevel, Ratio laterAdmissionFactor) {
        return new Deductible(Basis.PER_ADMISSION, null, byLevel, laterAdmissionFactor);
    }

    /**
     * The deductible of one admission at {@code level}; {@code laterAdmission} when the year already
     * has an admission with a non-reversed final settlement. Rounded like any product of money.
     */
    public Money forAdmission(InstitutionLevel level, boolean laterAdmission) {
        if (basis != Basis.PER_ADMISSION) {
            throw new IllegalStateException("this deductible is " + basis + ", not per admission");
        }
        Money full = perAdmission.get(level);
        if (full == null) {
            throw new IllegalStateException("no deductible for level " + level);
        }
        return laterAdmission ? full.times(laterAdmissionFactor) : full;
    }
}
