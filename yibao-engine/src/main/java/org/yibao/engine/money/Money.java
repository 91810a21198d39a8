package org.yibao.engine.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * An exact amount of yuan with two decimals (fen), e.g. {@code Money.of("12.34")}. Held as a long
 * of fen so that sums are fast and exact; products with a {@link Ratio} or {@link Quantity} and
 * quotients by a ratio are rounded half-up away from zero to 0.01 in {@link Rounding}, the one place
 * where money is rounded (DOMAIN §4.1, §4.3).
 */
public final class Money implements Comparable<Money> {

    public static final int SCALE = 2;
    public static final Money ZERO = new Money(0);

    private final long fen;

    private Money(long fen) {
        this.fen = fen;
    }

    /** Parses a decimal string with at most 2 decimals ("12.34", "-5", "1000.00"). */
    public static Money of(String decimal) {
        return ofFen(Rounding.parse(decimal, SCALE, "money amount"));
    }

    /** An exact BigDecimal with at most 2 decimals (trailing zeros beyond are accepted). */
    public static Money of(BigDecimal decimal) {
        return ofFen(Rounding.units(decimal, SCALE, "money amount"));
    }

    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    /** Whole yuan, e.g. {@code Money.ofYuan(8000)}. */
    public static Money ofYuan(long yuan) {
        return ofFen(Math.multiplyExact(yuan, 100L));
    }

    public long fen() {
        return fen;
    }

    /** The amount with scale 2 (1000 yuan → 1000.00). */
    public BigDecimal toBigDecimal() {
        return Rounding.decimal(fen, SCALE);
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return ofFen(Math.negateExact(fen));
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    /** round(this × ratio), half-up away from zero to 0.01. */
    public Money times(Ratio ratio) {
        return ofFen(Rounding.scaledProduct(fen, ratio.units(), Ratio.ONE_UNITS));
    }

    /**
     * round(this × first × second), rounded once at the end, half-up away from zero to 0.01 (R-PAY-2: the DRG
     * payment standard RW × base rate × level coefficient is rounded to the fen once, not after each factor).
     */
    public Money times(Ratio first, Ratio second) {
        BigInteger product = BigInteger.valueOf(fen).multiply(BigInteger.valueOf(first.units())).multiply(BigInteger.valueOf(second.units()));
        return ofFen(Rounding.roundedQuotient(product, Ratio.ONE_UNITS * Ratio.ONE_UNITS));
    }

    /** round(this × quantity), half-up away from zero to 0.01. */
    public Money times(Quantity quantity) {
        return ofFen(Rounding.scaledProduct(fen, quantity.units(), Quantity.ONE_UNITS));
    }

    /**
     * round(this ÷ ratio), half-up away from zero to 0.01; used for the amount a remaining cap C
     * still covers at ratio r (DOMAIN §4.3 step 2: within = round(C / r)).
     *
     * @throws ArithmeticException when the ratio is zero
     */
    public Money divide(Ratio ratio) {
        if (ratio.isZero()) {
            throw new ArithmeticException("cannot divide " + this + " by a zero ratio");
        }
        return ofFen(Rounding.scaledQuotient(fen, Ratio.ONE_UNITS, ratio.units()));
    }

    /**
     * Compares the unrounded product {@code this × ratio} with {@code amount} (DOMAIN §4.3 step 2:
     * "eligible × r ≤ C (unrounded product)").
     */
    public int compareTimesTo(Ratio ratio, Money amount) {
        return Rounding.compareProducts(fen, ratio.units(), amount.fen, Ratio.ONE_UNITS);
    }

    /**
     * round(Σ amounts[i] × ratios[i]) rounded once at the end, half-up away from zero to 0.01 (DOMAIN
     * §4.3 step 4: round(f(S)) where f adds several band products).
     */
    public static Money sumOfProducts(List<Money> amounts, List<Ratio> ratios) {
        if (amounts.size() != ratios.size()) {
            throw new IllegalArgumentException(amounts.size() + " amounts but " + ratios.size() + " ratios");
        }
        long sum = 0;
        try {
            for (int i = 0; i < amounts.size(); i++) {
                sum = Math.addExact(sum, Math.multiplyExact(amounts.get(i).fen, ratios.get(i).units()));
            }
            return ofFen(Rounding.scaledProduct(sum, 1, Ratio.ONE_UNITS));
        } catch (ArithmeticException overflow) {
            BigInteger big = BigInteger.ZERO;
            for (int i = 0; i < amounts.size(); i++) {
                big = big.add(BigInteger.valueOf(amounts.get(i).fen).multiply(BigInteger.valueOf(ratios.get(i).units())));
            }
            return ofFen(Rounding.roundedQuotient(big, Ratio.ONE_UNITS));
        }
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public int signum() {
        return Long.signum(fen);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.fen == fen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fen);
    }

    /** Appends {@link #toString()} without building a string first. */
    public void appendTo(StringBuilder sb) {
        Rounding.appendTo(sb, fen, SCALE);
    }

    /** Plain decimal with 2 decimals, e.g. "1000.00", "-0.01". */
    @Override
    public String toString() {
        return Rounding.format(fen, SCALE);
    }
}
