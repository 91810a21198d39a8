package org.yibao.engine.money;

import java.math.BigDecimal;

/**
 * An exact ratio with four decimals (0.6500), e.g. a reimbursement ratio (报销比例) or a ratio
 * adjustment (−0.1000). May be negative (adjustments); whether a value is allowed in a given place
 * (0..1 for a reimbursement ratio) is the policy validator's business, not this type's.
 */
public final class Ratio implements Comparable<Ratio> {

    public static final int SCALE = 4;
    static final long ONE_UNITS = 10_000L;
    public static final Ratio ZERO = new Ratio(0);
    public static final Ratio ONE = new Ratio(ONE_UNITS);

    private final long units;

    private Ratio(long units) {
        this.units = units;
    }

    /** Parses a decimal string with at most 4 decimals ("0.60", "-0.10", "1"). */
    public static Ratio of(String decimal) {
        return ofUnits(Rounding.parse(decimal, SCALE, "ratio"));
    }

    public static Ratio of(BigDecimal decimal) {
        return ofUnits(Rounding.units(decimal, SCALE, "ratio"));
    }

    /** From ten-thousandths: {@code ofUnits(6500)} is 0.6500. */
    public static Ratio ofUnits(long units) {
        return new Ratio(units);
    }

    /** Ten-thousandths. */
    public long units() {
        return units;
    }

    /** Scale 4 (0.65 → 0.6500). */
    public BigDecimal toBigDecimal() {
        return Rounding.decimal(units, SCALE);
    }

    public Ratio plus(Ratio other) {
        return new Ratio(Math.addExact(units, other.units));
    }

    public Ratio minus(Ratio other) {
        return new Ratio(Math.subtractExact(units, other.units));
    }

    public Ratio negate() {
        return new Ratio(Math.negateExact(units));
    }

    public Ratio min(Ratio other) {
        return units <= other.units ? this : other;
    }

    public Ratio max(Ratio other) {
        return units >= other.units ? this : other;
    }

    /** This ratio limited to [lower, upper] (DOMAIN §4.2: the adjusted ratio is clamped last). */
    public Ratio clamp(Ratio lower, Ratio upper) {
        if (lower.compareTo(upper) > 0) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        return max(lower).min(upper);
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

    /** True when 0 ≤ this ≤ 1. */
    public boolean isWithinZeroAndOne() {
        return units >= 0 && units <= ONE_UNITS;
    }

    @Override
    public int compareTo(Ratio other) {
        return Long.compare(units, other.units);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ratio r && r.units == units;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(units);
    }

    /** Appends {@link #toString()} without building a string first. */
    public void appendTo(StringBuilder sb) {
        Rounding.appendTo(sb, units, SCALE);
    }

    /** Four decimals, e.g. "0.6500". */
    @Override
    public String toString() {
        return Rounding.format(units, SCALE);
    }
}
