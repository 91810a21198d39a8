package org.yibao.engine.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * The evaluation of one institution and year.
 *
 * @param scores          the five indicators, in {@link Indicator} order
 * @param total           the sum of the scores (2 decimals, out of 100)
 * @param decision        from the total
 * @param quotaAdjustment the next-year payment-quota adjustment as a ratio (−0.05 = −5%), 0 when none
 * @param quotaReason     why, in words (null when none)
 */
public record EvaluationResult(List<IndicatorScore> scores, BigDecimal total, Decision decision, BigDecimal quotaAdjustment,
                               String quotaReason) {

    public EvaluationResult {
        scores = List.copyOf(scores);
    }

    public IndicatorScore score(Indicator indicator) {
        return scores.stream().filter(s -> s.indicator() == indicator).findFirst().orElseThrow();
    }

    /** The indicators scored by the missing-data rule. */
    public List<Indicator> withoutData() {
        return scores.stream().filter(IndicatorScore::noData).map(IndicatorScore::indicator).toList();
    }
}
