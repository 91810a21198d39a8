package org.yibao.engine.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one institution's year by R-INST-2.
 *
 * <p>Rates and ratios are rounded half up to 4 decimals first (the platform's ratio type, what a report
 * shows), then scored by their {@link LinearScale} (one rounding, half up, to 2 decimals). The total is
 * the exact sum of the rounded scores, so it is what the report adds up to.
 *
 * <p><b>Missing data</b> (nothing to measure: no evaluated upload day, no prescription reviewed, no
 * hypertension patient registered, no inpatient stay of its own or of any peer, no survey answered):
 * the indicator gets its <b>full points</b> and is flagged {@code noData}. An institution is not marked
 * down for what the insurer did not measure or what it does not do; the flag shows on every page and
 * report so that staff can feed the data before they finalise. Fund-use compliance always has data:
 * no confirmed violation is 20 points. No hypertension data means no quota adjustment.
 */
public final class AnnualEvaluationPolicy {

    static final int RATE_SCALE = 4;

    private final EvaluationRules rules;

    public AnnualEvaluationPolicy(EvaluationRules rules) {
        this.rules = rules;
    }

    public static AnnualEvaluationPolicy rInst2() {
        return new AnnualEvaluationPolicy(EvaluationRules.R_INST_2);
    }

    public EvaluationResult evaluate(EvaluationInputs in) {
        List<IndicatorScore> scores = new ArrayList<>();
        scores.add(share(Indicator.DATA_UPLOAD, rules.dataUpload(), in.uploadDaysEvaluated() - in.uploadDaysWithBreach(),
                in.uploadDaysEvaluated()));
        scores.add(share(Indicator.PRESCRIPTION_QUALIFICATION, rules.prescription(), in.prescriptionsQualified(), in.prescriptionsReviewed()));
        BigDecimal hypertensionRate = null;
        if (in.chronicBasis() == EvaluationInputs.ChronicBasis.HYPERTENSION_MANAGEMENT) {
            IndicatorScore s = share(Indicator.CHRONIC_MANAGEMENT, rules.hypertension(), in.hypertensionManaged(), in.hypertensionRegistered());
            hypertensionRate = s.value();
            scores.add(s);
        } else {
            scores.add(lengthOfStay(in));
        }
        scores.add(share(Indicator.PATIENT_SATISFACTION, rules.satisfaction(), in.surveysSatisfied(), in.surveysAnswered()));
        BigDecimal fund = rules.fundUsePoints().subtract(rules.pointsPerViolation().multiply(BigDecimal.valueOf(in.confirmedViolations())))
                .max(BigDecimal.ZERO).setScale(LinearScale.SCORE_SCALE, RoundingMode.UNNECESSARY);
        scores.add(new IndicatorScore(Indicator.FUND_USE_COMPLIANCE, BigDecimal.valueOf(in.confirmedViolations()),
                String.valueOf(in.confirmedViolations()), fund, points(rules.fundUsePoints()), false));

        BigDecimal total = scores.stream().map(IndicatorScore::score).reduce(BigDecimal.ZERO.setScale(LinearScale.SCORE_SCALE), BigDecimal::add);
        BigDecimal quota = BigDecimal.ZERO.setScale(RATE_SCALE);
        String reason = null;
        // R-INST-2: a community centre below 60% hypertension management gets next year's payment quota −5%.
        if (hypertensionRate != null && hypertensionRate.compareTo(rules.quotaThreshold()) < 0) {
            quota = rules.quotaAdjustment().setScale(RATE_SCALE, RoundingMode.UNNECESSARY);
            reason = "hypertension standard-management rate " + percent(hypertensionRate) + " below " + percent(rules.quotaThreshold());
        }
        return new EvaluationResult(scores, total, Decision.of(total), quota, reason);
    }

    /** A rate part ÷ whole (4 decimals) scored on {@code scale}; full points flagged {@code noData} when the whole is 0. */
    private static IndicatorScore share(Indicator indicator, LinearScale scale, long part, long whole) {
        if (whole == 0) {
            return noData(indicator, scale);
        }
        BigDecimal rate = BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
        return new IndicatorScore(indicator, rate, part + "/" + whole, scale.score(rate), points(scale.points()), false);
    }

    /** Own average stay ÷ the peers' average stay = ownDays × peerStays ÷ (ownStays × peerDays), 4 decimals. */
    private IndicatorScore lengthOfStay(EvaluationInputs in) {
        LinearScale scale = rules.lengthOfStay();
        if (in.ownStays() == 0 || in.peerStays() == 0 || in.peerStayDays() == 0) {
            return noData(Indicator.CHRONIC_MANAGEMENT, scale);
        }
        BigDecimal ratio = BigDecimal.valueOf(in.ownStayDays()).multiply(BigDecimal.valueOf(in.peerStays()))
                .divide(BigDecimal.valueOf(in.ownStays()).multiply(BigDecimal.valueOf(in.peerStayDays())), RATE_SCALE, RoundingMode.HALF_UP);
        String basis = average(in.ownStayDays(), in.ownStays()) + "/" + average(in.peerStayDays(), in.peerStays());
        return new IndicatorScore(Indicator.CHRONIC_MANAGEMENT, ratio, basis, scale.score(ratio), points(scale.points()), false);
    }

    private static IndicatorScore noData(Indicator indicator, LinearScale scale) {
        return new IndicatorScore(indicator, null, "", points(scale.points()), points(scale.points()), true);
    }

    private static String average(long days, long stays) {
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(stays), 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal points(BigDecimal p) {
        return p.setScale(LinearScale.SCORE_SCALE, RoundingMode.UNNECESSARY);
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
