package org.yibao.engine.evaluation;

import java.math.BigDecimal;

/**
 * The numbers of R-INST-2 as one typed object, so that a region or year with other numbers is a
 * different instance, not different code. {@link #R_INST_2} holds DOMAIN.md §7's values.
 *
 * @param dataUpload                share of days without breach: zero at 0, full at 1
 * @param prescription              qualification rate: zero at ≤ 0.80, full at ≥ 0.95
 * @param hypertension              standard-management rate (community centres): zero at ≤ 0.30, full at ≥ 0.60
 * @param lengthOfStay              own ÷ same-level peers' average stay (others): full at ≤ 1.0, zero at ≥ 1.5
 * @param satisfaction              share satisfied: zero at ≤ 0.60, full at ≥ 0.90
 * @param fundUsePoints             points of fund-use compliance before deductions (20)
 * @param pointsPerViolation        deducted per confirmed violation (5), never below 0
 * @param quotaThreshold            a community centre whose hypertension rate is below this (0.60) …
 * @param quotaAdjustment           … gets this next-year payment-quota adjustment (−0.05 = −5%)
 */
public record EvaluationRules(LinearScale dataUpload, LinearScale prescription, LinearScale hypertension, LinearScale lengthOfStay,
                              LinearScale satisfaction, BigDecimal fundUsePoints, BigDecimal pointsPerViolation,
                              BigDecimal quotaThreshold, BigDecimal quotaAdjustment) {

    public static final EvaluationRules R_INST_2 = new EvaluationRules(
            LinearScale.of("0", "1", "20"),
            LinearScale.of("0.80", "0.95", "20"),
            LinearScale.of("0.30", "0.60", "20"),
            LinearScale.of("1.5", "1.0", "20"),
            LinearScale.of("0.60", "0.90", "20"),
            new BigDecimal("20"), new BigDecimal("5"),
            new BigDecimal("0.60"), new BigDecimal("-0.05"));
}
