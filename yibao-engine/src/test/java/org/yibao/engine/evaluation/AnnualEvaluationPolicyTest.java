package org.yibao.engine.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.yibao.engine.evaluation.EvaluationInputs.ChronicBasis;

/**
 * R-INST-2 totals landing on and around the decision thresholds (59.99, 60.00, 79.99, 80.00), the quota
 * adjustment at 59.99% and 60% hypertension management, length of stay against peers, and the
 * missing-data rule.
 */
class AnnualEvaluationPolicyTest {

    final AnnualEvaluationPolicy policy = AnnualEvaluationPolicy.rInst2();

    /** A community centre: upload days, prescriptions, hypertension, surveys, violations. */
    static EvaluationInputs centre(int days, int breachDays, int reviewed, int qualified, int registered, int managed, int answered,
                                   int satisfied, int violations) {
        return new EvaluationInputs(ChronicBasis.HYPERTENSION_MANAGEMENT, days, breachDays, reviewed, qualified, registered, managed,
                0, 0, 0, 0, answered, satisfied, violations);
    }

    static EvaluationInputs hospital(long ownStays, long ownDays, long peerStays, long peerDays) {
        return new EvaluationInputs(ChronicBasis.LENGTH_OF_STAY, 365, 0, 100, 100, 0, 0, ownStays, ownDays, peerStays, peerDays,
                100, 100, 0);
    }

    private static String scores(EvaluationResult r) {
        return r.scores().stream().map(s -> s.score().toPlainString()).reduce((a, b) -> a + " " + b).orElse("");
    }

    @Test
    void eightyPointsExactlyIsRenewed() {
        // 365/365 days, 19/20 = 95% qualified, 60/100 managed, 9/10 satisfied: 20 each; 4 violations: 0.
        EvaluationResult r = policy.evaluate(centre(365, 0, 20, 19, 100, 60, 10, 9, 4));
        assertThat(scores(r)).isEqualTo("20.00 20.00 20.00 20.00 0.00");
        assertThat(r.total()).isEqualTo("80.00");
        assertThat(r.decision()).isEqualTo(Decision.RENEW);
    }

    @Test
    void seventyNinePointNinetyNineIsRenewedWithRectification() {
        // 8999/10000 satisfied = 0.8999 → 20 × 0.2999 ÷ 0.3 = 19.9933… → 19.99.
        EvaluationResult r = policy.evaluate(centre(365, 0, 20, 19, 100, 60, 10000, 8999, 4));
        assertThat(r.score(Indicator.PATIENT_SATISFACTION).value()).isEqualTo("0.8999");
        assertThat(r.score(Indicator.PATIENT_SATISFACTION).basis()).isEqualTo("8999/10000");
        assertThat(scores(r)).isEqualTo("20.00 20.00 20.00 19.99 0.00");
        assertThat(r.total()).isEqualTo("79.99");
        assertThat(r.decision()).isEqualTo(Decision.RENEW_WITH_RECTIFICATION);
    }

    @Test
    void sixtyPointsExactlyIsRenewedWithRectification() {
        // 18/60 = 30% managed: 0 points; 4 violations: 0 points.
        EvaluationResult r = policy.evaluate(centre(365, 0, 20, 19, 60, 18, 10, 9, 4));
        assertThat(scores(r)).isEqualTo("20.00 20.00 0.00 20.00 0.00");
        assertThat(r.total()).isEqualTo("60.00");
        assertThat(r.decision()).isEqualTo(Decision.RENEW_WITH_RECTIFICATION);
    }

    @Test
    void fiftyNinePointNinetyNineIsNotRenewed() {
        // 9499/10000 qualified = 0.9499 → 20 × 0.1499 ÷ 0.15 = 19.9866… → 19.99.
        EvaluationResult r = policy.evaluate(centre(365, 0, 10000, 9499, 60, 18, 10, 9, 4));
        assertThat(scores(r)).isEqualTo("20.00 19.99 0.00 20.00 0.00");
        assertThat(r.total()).isEqualTo("59.99");
        assertThat(r.decision()).isEqualTo(Decision.NOT_RENEWED);
    }

    @Test
    void theDecisionThresholdsAreInclusiveLowerBounds() {
        assertThat(Decision.of(new BigDecimal("100.00"))).isEqualTo(Decision.RENEW);
        assertThat(Decision.of(new BigDecimal("80.00"))).isEqualTo(Decision.RENEW);
        assertThat(Decision.of(new BigDecimal("79.99"))).isEqualTo(Decision.RENEW_WITH_RECTIFICATION);
        assertThat(Decision.of(new BigDecimal("60.00"))).isEqualTo(Decision.RENEW_WITH_RECTIFICATION);
        assertThat(Decision.of(new BigDecimal("59.99"))).isEqualTo(Decision.NOT_RENEWED);
        assertThat(Decision.of(new BigDecimal("0.00"))).isEqualTo(Decision.NOT_RENEWED);
    }

    @Test
    void aCentreBelowSixtyPercentHypertensionManagementGetsNextYearsQuotaMinusFivePercent() {
        EvaluationResult below = policy.evaluate(centre(365, 0, 20, 19, 10000, 5999, 10, 9, 0));
        assertThat(below.score(Indicator.CHRONIC_MANAGEMENT).value()).isEqualTo("0.5999");
        assertThat(below.score(Indicator.CHRONIC_MANAGEMENT).score()).isEqualTo("19.99");
        assertThat(below.quotaAdjustment()).isEqualTo("-0.0500");
        assertThat(below.quotaReason()).contains("59.99%", "60%");

        EvaluationResult at = policy.evaluate(centre(365, 0, 20, 19, 10000, 6000, 10, 9, 0));
        assertThat(at.score(Indicator.CHRONIC_MANAGEMENT).score()).isEqualTo("20.00");
        assertThat(at.quotaAdjustment()).isEqualTo("0.0000");
        assertThat(at.quotaReason()).isNull();
    }

    @Test
    void aHospitalHasNoQuotaAdjustmentAndIsScoredOnLengthOfStayAgainstPeers() {
        // Own 100 stays of 1250 days (12.50) against peers' 400 stays of 4000 days (10.00): ratio 1.25 → 10 points.
        EvaluationResult r = policy.evaluate(hospital(100, 1250, 400, 4000));
        assertThat(r.score(Indicator.CHRONIC_MANAGEMENT).value()).isEqualTo("1.2500");
        assertThat(r.score(Indicator.CHRONIC_MANAGEMENT).basis()).isEqualTo("12.50/10.00");
        assertThat(r.score(Indicator.CHRONIC_MANAGEMENT).score()).isEqualTo("10.00");
        assertThat(r.total()).isEqualTo("90.00");
        assertThat(r.quotaAdjustment()).isEqualTo("0.0000");
        // Shorter than the peers: full points; half as long again: none.
        assertThat(policy.evaluate(hospital(10, 80, 10, 100)).score(Indicator.CHRONIC_MANAGEMENT).score()).isEqualTo("20.00");
        assertThat(policy.evaluate(hospital(10, 150, 10, 100)).score(Indicator.CHRONIC_MANAGEMENT).score()).isEqualTo("0.00");
    }

    @Test
    void fundUseLosesFivePointsPerConfirmedViolationButNotBelowZero() {
        int[][] table = {{0, 2000}, {1, 1500}, {3, 500}, {4, 0}, {7, 0}};
        for (int[] row : table) {
            IndicatorScore s = policy.evaluate(centre(1, 0, 1, 1, 1, 1, 1, 1, row[0])).score(Indicator.FUND_USE_COMPLIANCE);
            assertThat(s.score()).as(row[0] + " violations").isEqualTo(BigDecimal.valueOf(row[1], 2));
            assertThat(s.value()).isEqualTo(BigDecimal.valueOf(row[0]));
        }
    }

    @Test
    void uploadScoresTheShareOfDaysWithoutBreach() {
        // 3 breach days of 300 → 0.9900 → 19.80.
        IndicatorScore s = policy.evaluate(centre(300, 3, 1, 1, 1, 1, 1, 1, 0)).score(Indicator.DATA_UPLOAD);
        assertThat(s.value()).isEqualTo("0.9900");
        assertThat(s.basis()).isEqualTo("297/300");
        assertThat(s.score()).isEqualTo("19.80");
    }

    @Test
    void nothingToMeasureScoresFullPointsFlaggedAsNoDataAndNoQuotaAdjustment() {
        EvaluationResult centre = policy.evaluate(centre(0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(centre.total()).isEqualTo("100.00");
        assertThat(centre.withoutData()).containsExactly(Indicator.DATA_UPLOAD, Indicator.PRESCRIPTION_QUALIFICATION,
                Indicator.CHRONIC_MANAGEMENT, Indicator.PATIENT_SATISFACTION);
        assertThat(centre.score(Indicator.CHRONIC_MANAGEMENT).value()).isNull();
        assertThat(centre.quotaAdjustment()).isEqualTo("0.0000");
        // A hospital without stays, or without a peer with stays, has no length-of-stay data.
        assertThat(policy.evaluate(hospital(0, 0, 10, 100)).score(Indicator.CHRONIC_MANAGEMENT).noData()).isTrue();
        assertThat(policy.evaluate(hospital(10, 100, 0, 0)).score(Indicator.CHRONIC_MANAGEMENT).noData()).isTrue();
        // Fund-use compliance always has data.
        assertThat(centre.score(Indicator.FUND_USE_COMPLIANCE).noData()).isFalse();
    }

    @Test
    void inputsThatAreNotAPartOfAWholeAreRefused() {
        assertThatThrownBy(() -> centre(10, 11, 0, 0, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> centre(0, 0, 5, 6, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> centre(0, 0, 0, 0, 0, 0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
