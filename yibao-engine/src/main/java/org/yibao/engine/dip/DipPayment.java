package org.yibao.engine.dip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.InstitutionLevel;

/**
 * The year-end DIP arithmetic of R-PAY-3, with its rounding named:
 * <ul>
 *   <li>deviation ratio = case cost ÷ group mean cost, half-up to 4 decimals; the bands are decided on
 *       the exact amounts (cost ≤ 0.5 × mean is low, cost ≥ 2 × mean is high);</li>
 *   <li>points (点数) = score × level coefficient × deviation factor, half-up to 4 decimals;</li>
 *   <li>point value (点值) = the year's DIP budget ÷ the year's total points, half-up to 6 decimals;</li>
 *   <li>payment = points × point value, half-up to the fen;</li>
 *   <li>the fund pays {@code payment − medfee + hifp}, at least 0 (R-PAY-2's rule: the institution's
 *       revenue for the case becomes the DIP payment, the patient's share stays as settled).</li>
 * </ul>
 */
public final class DipPayment {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private DipPayment() {}

    /** 偏差类型: below half the group mean, normal, or at least twice the group mean. */
    public enum Band { LOW, NORMAL, HIGH }

    /**
     * @param ratio  cost ÷ group mean cost, 4 decimals
     * @param factor the deviation factor (偏差系数): ratio when LOW, ratio − 1 when HIGH, else 1
     */
    public record Deviation(Band band, BigDecimal ratio, BigDecimal factor) {}

    /**
     * 级别系数 (the same as DRG's, R-PAY-2): L3 1.00, L2 0.90, L1 0.80. Defined here for now; DRG has its own
     * copy until the two are unified.
     */
    public static BigDecimal levelCoefficient(InstitutionLevel level) {
        return switch (Objects.requireNonNull(level, "level")) {
            case L3 -> new BigDecimal("1.00");
            case L2 -> new BigDecimal("0.90");
            case L1 -> new BigDecimal("0.80");
        };
    }

    public static Deviation deviation(Money cost, Money groupMean) {
        if (!groupMean.isPositive()) {
            throw new IllegalArgumentException("a group mean cost is positive, got " + groupMean);
        }
        BigDecimal c = cost.toBigDecimal();
        BigDecimal m = groupMean.toBigDecimal();
        BigDecimal ratio = c.divide(m, 4, RoundingMode.HALF_UP);
        if (c.multiply(TWO).compareTo(m) <= 0) {
            return new Deviation(Band.LOW, ratio, ratio);
        }
        if (c.compareTo(m.multiply(TWO)) >= 0) {
            return new Deviation(Band.HIGH, ratio, ratio.subtract(BigDecimal.ONE));
        }
        return new Deviation(Band.NORMAL, ratio, BigDecimal.ONE.setScale(4));
    }

    /** Points = score × level coefficient × deviation factor, half-up to 4 decimals. */
    public static BigDecimal points(BigDecimal score, InstitutionLevel level, BigDecimal factor) {
        return score.multiply(levelCoefficient(level)).multiply(factor).setScale(4, RoundingMode.HALF_UP);
    }

    /** Point value = budget ÷ total points, half-up to 6 decimals. */
    public static BigDecimal pointValue(Money budget, BigDecimal totalPoints) {
        if (totalPoints.signum() <= 0) {
            throw new IllegalArgumentException("the year has no DIP points to share the budget over");
        }
        if (budget.isNegative()) {
            throw new IllegalArgumentException("a DIP budget cannot be negative: " + budget);
        }
        return budget.toBigDecimal().divide(totalPoints, 6, RoundingMode.HALF_UP);
    }

    /** Payment = points × point value, half-up to the fen. */
    public static Money payment(BigDecimal points, BigDecimal pointValue) {
        return Money.of(points.multiply(pointValue).setScale(Money.SCALE, RoundingMode.HALF_UP));
    }

    /** What the basic fund pays for the case under DIP: payment − medfee + hifp, at least 0. */
    public static Money fundPayment(Money payment, Money medfee, Money hifp) {
        return payment.minus(medfee).plus(hifp).max(Money.ZERO);
    }

    /** One case settled by DIP. */
    public record CaseResult(Deviation deviation, BigDecimal coefficient, BigDecimal points, Money payment, Money fundPayment,
                             Money adjustment) {}

    /**
     * A case's result once the point value is known.
     *
     * @param hifp what the basic fund paid item by item at settlement
     * @return with {@code adjustment} = DIP fund payment − hifp (what the clearing adds or withholds)
     */
    public static CaseResult settle(DipCatalogue.Group group, InstitutionLevel level, Money cost, Money hifp, BigDecimal pointValue) {
        Deviation d = deviation(cost, group.meanCost());
        BigDecimal points = points(group.score(), level, d.factor());
        Money payment = payment(points, pointValue);
        Money fund = fundPayment(payment, cost, hifp);
        return new CaseResult(d, levelCoefficient(level), points, payment, fund, fund.minus(hifp));
    }
}
