package org.yibao.engine.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An indicator scored linearly between the value that earns nothing ({@code zeroAt}) and the value that
 * earns every point ({@code fullAt}); beyond either end the score stays at 0 or at the full points. Works
 * in both directions: for the length-of-stay ratio the full point (1.0) is below the zero point (1.5).
 *
 * <p>Rounding (the one place scores are rounded): {@code points × (value − zeroAt) ÷ (fullAt − zeroAt)}
 * is computed exactly up to the single division, which rounds half up to 2 decimals. So 19.985 → 19.99
 * and 19.9849… → 19.98; the total is the sum of the rounded indicator scores.
 */
public record LinearScale(BigDecimal zeroAt, BigDecimal fullAt, BigDecimal points) {

    public static final int SCORE_SCALE = 2;

    public LinearScale {
        if (zeroAt.compareTo(fullAt) == 0) {
            throw new IllegalArgumentException("zeroAt and fullAt must differ");
        }
        if (points.signum() <= 0) {
            throw new IllegalArgumentException("points must be positive");
        }
    }

    public static LinearScale of(String zeroAt, String fullAt, String points) {
        return new LinearScale(new BigDecimal(zeroAt), new BigDecimal(fullAt), new BigDecimal(points));
    }

    /** The score of {@code value}, 2 decimals, between 0.00 and the full points. */
    public BigDecimal score(BigDecimal value) {
        BigDecimal full = points.setScale(SCORE_SCALE, RoundingMode.UNNECESSARY);
        boolean ascending = fullAt.compareTo(zeroAt) > 0;
        if (ascending ? value.compareTo(zeroAt) <= 0 : value.compareTo(zeroAt) >= 0) {
            return BigDecimal.ZERO.setScale(SCORE_SCALE);
        }
        if (ascending ? value.compareTo(fullAt) >= 0 : value.compareTo(fullAt) <= 0) {
            return full;
        }
        return points.multiply(value.subtract(zeroAt)).divide(fullAt.subtract(zeroAt), SCORE_SCALE, RoundingMode.HALF_UP);
    }
}
