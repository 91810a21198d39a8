package org.yibao.engine.budget;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/**
 * The county medical community's global budget (医共体总额预付, DOMAIN R-PAY-5): "打包付费, 结余留用,
 * 超支分担". The fund pays the community's institutions item by item during the year; the budget decides
 * the year-end adjustment. Pure: the server counts the residents and sums the payments.
 *
 * <p>Rounding: every share is rounded half-up to the fen on the community's side and the fund's side is
 * the remainder, so the two always add up to the surplus or the overspend exactly.
 */
public final class CountyGlobalBudget {

    private CountyGlobalBudget() {}

    /**
     * The year's terms.
     *
     * @param perCapita          yuan per resident enrolled on 1 January (demo: 1,200.00)
     * @param surplusRetained    share of a surplus the community keeps (结余留用; demo 0.60)
     * @param overspendFundShare share of an overspend the fund bears (超支分担; demo 0.70, the community the rest)
     */
    public record Terms(Money perCapita, Ratio surplusRetained, Ratio overspendFundShare) {
        public static final Terms DEMO = new Terms(Money.ofYuan(1200), Ratio.of("0.60"), Ratio.of("0.70"));

        public Terms {
            Objects.requireNonNull(perCapita, "perCapita");
            if (!perCapita.isPositive()) {
                throw new IllegalArgumentException("the per-capita budget must be positive (got " + perCapita + ")");
            }
            if (!surplusRetained.isWithinZeroAndOne() || !overspendFundShare.isWithinZeroAndOne()) {
                throw new IllegalArgumentException("shares are between 0 and 1 (got " + surplusRetained + ", " + overspendFundShare + ")");
            }
        }
    }

    /** The year's budget: per capita × residents enrolled on 1 January. */
    public static Money budget(Terms terms, long residents) {
        if (residents < 0) {
            throw new IllegalArgumentException("residents cannot be negative (got " + residents + ")");
        }
        return Money.ofFen(Math.multiplyExact(terms.perCapita().fen(), residents));
    }

    /**
     * The running forecast of the year's payments: the payments so far extended linearly over the year
     * (actual × days in year ÷ days elapsed, half-up to the fen); the actual itself once the year is over.
     */
    public static Money forecast(Money actualToDate, int daysElapsed, int daysInYear) {
        if (daysInYear < 365 || daysInYear > 366 || daysElapsed < 1 || daysElapsed > daysInYear) {
            throw new IllegalArgumentException("days elapsed " + daysElapsed + " of " + daysInYear);
        }
        return Money.of(actualToDate.toBigDecimal().multiply(BigDecimal.valueOf(daysInYear))
                .divide(BigDecimal.valueOf(daysElapsed), Money.SCALE, RoundingMode.HALF_UP));
    }

    /**
     * The year-end settle-up.
     *
     * @param surplus          budget − actual when positive, else 0
     * @param overspend        actual − budget when positive, else 0
     * @param communityKeeps   the part of the surplus the community keeps (paid to it at year end)
     * @param fundKeeps        the rest of the surplus, which stays in the fund
     * @param fundBears        the part of the overspend the fund bears (already paid item by item)
     * @param communityBears   the part of the overspend the community bears (withheld from it)
     * @param adjustment       what the fund pays the community at year end: + communityKeeps or − communityBears
     */
    public record SettleUp(Money budget, Money actual, Money surplus, Money overspend, Money communityKeeps, Money fundKeeps,
                           Money fundBears, Money communityBears, Money adjustment) {}

    public static SettleUp settleUp(Terms terms, Money budget, Money actual) {
        Money surplus = budget.minus(actual).max(Money.ZERO);
        Money overspend = actual.minus(budget).max(Money.ZERO);
        Money communityKeeps = surplus.times(terms.surplusRetained());
        Money communityBears = overspend.times(Ratio.ONE.minus(terms.overspendFundShare()));
        return new SettleUp(budget, actual, surplus, overspend, communityKeeps, surplus.minus(communityKeeps),
                overspend.minus(communityBears), communityBears, communityKeeps.minus(communityBears));
    }

    /**
     * Splits {@code total} over parts in proportion to {@code weights} (largest remainder, to the fen): the
     * shares add up to the total exactly. Used to charge the year-end adjustment to the funds in the
     * proportion they paid the year's care. With no positive weight everything goes to the first part.
     */
    public static List<Money> allocate(Money total, List<Money> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("no part to allocate " + total + " to");
        }
        long sum = 0;
        for (Money w : weights) {
            if (w.isNegative()) {
                throw new IllegalArgumentException("a weight cannot be negative (got " + w + ")");
            }
            sum = Math.addExact(sum, w.fen());
        }
        long[] shares = new long[weights.size()];
        if (sum == 0) {
            shares[0] = total.fen();
            return Arrays.stream(shares).mapToObj(Money::ofFen).toList();
        }
        long abs = Math.abs(total.fen());
        BigInteger[] remainders = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(abs).multiply(BigInteger.valueOf(weights.get(i).fen())).divideAndRemainder(BigInteger.valueOf(sum));
            shares[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += shares[i];
        }
        Integer[] order = new Integer[shares.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]) != 0 ? remainders[b].compareTo(remainders[a]) : Integer.compare(a, b));
        for (int k = 0; given < abs; k++, given++) {
            shares[order[k]]++;
        }
        long sign = total.signum();
        return Arrays.stream(shares).mapToObj(f -> Money.ofFen(sign * f)).toList();
    }
}
