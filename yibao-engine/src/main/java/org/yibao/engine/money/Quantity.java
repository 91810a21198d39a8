package org.yibao.engine.money;

import java.math.BigDecimal;

/**
 * An exact quantity with four decimals ({@code cnt} of a fee line); negative for a refund line
 * (DOMAIN §4.1 step 1).
 */
public final class Quantity implements Comparable<Quantity> {

    public static final int SCALE = 4;
    static final long ONE_UNITS = 10_000L;
    public static final Quantity ZERO = new Quantity(0);
    public static final Quantity ONE = new Quantity(ONE_UNITS);

    private final long units;

    private Quantity(long units) {
        this.units = units;
    }

    public static Quantity of(String decimal) {
        return ofUnits(Rounding.parse(decimal, SCALE, "quantity"));
    }

    public static Quantity of(BigDecimal decimal) {
        return ofUnits(Rounding.units(decimal, SCALE, "quantity"));
    }

    public static Quantity of(long whole) {
        return ofUnits(Math.multiplyExact(whole, ONE_UNITS));
    }

    /** From ten-thousandths. */
    public static Quantity ofUnits(long units) {
        return new Quantity(units);
    }

    public long units() {
        return units;
    }

    public BigDecimal toBigDecimal() {
        return Rounding.decimal(units, SCALE);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(Math.addExact(units, other.units));
    }

    public Quantity minus(Quantity other) {
        return new Quantity(Math.subtractExact(units, other.units));
    }

    public Quantity negate() {
        return new Quantity(Math.negateExact(units));
    }

    public boolean isZero() {
        return units == 0;
    }

    public boolean isNegative() {
        return units < 0;
    }

    public int signum() {
        return Long.signum(units);
    }

    @Override
    public int compareTo(Quantity other) {
        return Long.compare(units, other.units);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Quantity q && q.units == units;
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
