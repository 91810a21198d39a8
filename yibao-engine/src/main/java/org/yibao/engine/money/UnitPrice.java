package org.yibao.engine.money;

import java.math.BigDecimal;

/** An exact unit price with six decimals ({@code pric}, a price cap 支付标准). */
public final class UnitPrice implements Comparable<UnitPrice> {

    public static final int SCALE = 6;
    /** Units of 10^−6 yuan per fen (10^−2 yuan). */
    private static final long UNITS_PER_FEN = 10_000L;

    private final long units;

    private UnitPrice(long units) {
        this.units = units;
    }

    public static UnitPrice of(String decimal) {
        return ofUnits(Rounding.parse(decimal, SCALE, "unit price"));
    }

    public static UnitPrice of(BigDecimal decimal) {
        return ofUnits(Rounding.units(decimal, SCALE, "unit price"));
    }

    /** From millionths of a yuan. */
    public static UnitPrice ofUnits(long units) {
        return new UnitPrice(units);
    }

    /** The same price expressed exactly as a unit price (a price cap given as money). */
    public static UnitPrice of(Money money) {
        return new UnitPrice(Math.multiplyExact(money.fen(), UNITS_PER_FEN));
    }

    public long units() {
        return units;
    }

    public BigDecimal toBigDecimal() {
        return Rounding.decimal(units, SCALE);
    }

    /** round(this × quantity), half-up away from zero to 0.01 (a line's {@code cnt × pric}). */
    public Money times(Quantity quantity) {
        return Money.ofFen(Rounding.scaledProduct(units, quantity.units(), UNITS_PER_FEN * Quantity.ONE_UNITS));
    }

    /**
     * Whether the exact, unrounded {@code this × quantity} lies within {@code tolerance} of {@code amount}
     * (R-SET-4.1.1: {@code det_item_fee_sumamt} may differ from {@code cnt × pric} by at most 0.01).
     */
    public boolean timesIsWithin(Quantity quantity, Money amount, Money tolerance) {
        long scale = UNITS_PER_FEN * Quantity.ONE_UNITS;
        try {
            long exact = Math.multiplyExact(units, quantity.units());
            long difference = Math.abs(Math.subtractExact(exact, Math.multiplyExact(amount.fen(), scale)));
            return difference <= Math.multiplyExact(tolerance.fen(), scale);
        } catch (ArithmeticException overflow) {
            java.math.BigDecimal exact = toBigDecimal().multiply(quantity.toBigDecimal());
            return exact.subtract(amount.toBigDecimal()).abs().compareTo(tolerance.toBigDecimal()) <= 0;
        }
    }

    public UnitPrice minus(UnitPrice other) {
        return new UnitPrice(Math.subtractExact(units, other.units));
    }

    public UnitPrice min(UnitPrice other) {
        return units <= other.units ? this : other;
    }

    public boolean isNegative() {
        return units < 0;
    }

    public int signum() {
        return Long.signum(units);
    }

    @Override
    public int compareTo(UnitPrice other) {
        return Long.compare(units, other.units);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitPrice p && p.units == units;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(units);
    }

    @Override
    public String toString() {
        return Rounding.format(units, SCALE);
    }
}
