package org.yibao.engine.drgpay;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * The terms of DRG payment (R-PAY-2) other than the weights: the level coefficients (等级系数) applied to the
 * level-3 base rate, the outlier bounds (高倍率 / 低倍率病例) and how many cases of the region's history a group
 * needs for a weight of its own.
 *
 * @param levelCoefficients coefficient of each institution level (demo: L1 0.80, L2 0.90, L3 1.00)
 * @param lowOutlier        a case costing at most this share of its standard is a low outlier (demo 0.40)
 * @param minHistoryCases   cases a group needs in the region's history for a history-based weight (demo 5)
 */
public record DrgPaymentTerms(Map<InstitutionLevel, Ratio> levelCoefficients, Ratio lowOutlier, int minHistoryCases) {

    /** DOMAIN R-PAY-2. */
    public static final DrgPaymentTerms DEMO = new DrgPaymentTerms(Map.of(InstitutionLevel.L1, Ratio.of("0.80"),
            InstitutionLevel.L2, Ratio.of("0.90"), InstitutionLevel.L3, Ratio.of("1.00")), Ratio.of("0.40"), 5);

    private static final Ratio ONE = Ratio.ONE;
    private static final Ratio TWO = Ratio.of("2");
    private static final Ratio THREE = Ratio.of("3");
    private static final Ratio ONE_AND_A_HALF = Ratio.of("1.5");

    public DrgPaymentTerms {
        Objects.requireNonNull(levelCoefficients, "levelCoefficients");
        Objects.requireNonNull(lowOutlier, "lowOutlier");
        levelCoefficients = new EnumMap<>(levelCoefficients);
        for (InstitutionLevel l : InstitutionLevel.values()) {
            Ratio c = levelCoefficients.get(l);
            if (c == null || c.signum() <= 0) {
                throw new IllegalArgumentException("the level coefficient of " + l + " must be given and positive, got " + c);
            }
        }
        if (!lowOutlier.isWithinZeroAndOne()) {
            throw new IllegalArgumentException("the low-outlier share must be within 0..1, got " + lowOutlier);
        }
        if (minHistoryCases < 1) {
            throw new IllegalArgumentException("a history-based weight needs at least one case, got " + minHistoryCases);
        }
    }

    public Ratio coefficient(InstitutionLevel level) {
        return levelCoefficients.get(level);
    }

    /** R-PAY-2: the high-outlier factor k: 3 when RW ≤ 1, 2 when RW ≤ 2, else 1.5. */
    public Ratio highOutlierFactor(Ratio rw) {
        if (rw.compareTo(ONE) <= 0) {
            return THREE;
        }
        return rw.compareTo(TWO) <= 0 ? TWO : ONE_AND_A_HALF;
    }
}
