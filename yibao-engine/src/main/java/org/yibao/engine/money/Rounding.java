package org.yibao.engine.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The one place where amounts are rounded (STYLE "Money is exact"; DOMAIN §4.1: "every amount is
 * rounded half-up (away from zero) to 0.01 where it is computed"). Every product or quotient of the
 * money types goes through {@link #scaledProduct} or {@link #scaledQuotient}, so the rounding mode
 * cannot differ between two computations.
 */
final class Rounding {

    /** Half-up, away from zero: 0.005 → 0.01 and −0.005 → −0.01. */
    static final RoundingMode MODE = RoundingMode.HALF_UP;

    private Rounding() {}

    /** round(a × b ÷ divisor), half-up away from zero; exact in long arithmetic, BigInteger on overflow. */
    static long scaledProduct(long a, long b, long divisor) {
        long product;
        try {
            product = Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            return exact(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), BigInteger.valueOf(divisor));
        }
        return divide(product, divisor);
    }

    /** round(a × multiplier ÷ divisor) where divisor may be any non-zero value (used for C ÷ r). */
    static long scaledQuotient(long a, long multiplier, long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        return scaledProduct(a, multiplier, divisor);
    }

    /** round(numerator ÷ divisor), half-up away from zero, for sums of products too large to pre-round. */
    static long roundedQuotient(BigInteger numerator, long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division by zero");
        }
        return exact(numerator, BigInteger.valueOf(divisor));
    }

    private static long divide(long numerator, long divisor) {
        if (divisor < 0) {
            if (numerator == Long.MIN_VALUE || divisor == Long.MIN_VALUE) {
                return exact(BigInteger.valueOf(numerator), BigInteger.valueOf(divisor));
            }
            numerator = -numerator;
            divisor = -divisor;
        }
        long quotient = numerator / divisor;
        long remainder = numerator % divisor;
        // Half-up away from zero: |remainder| ≥ divisor / 2 moves one unit away from zero.
        if (Math.abs(remainder) >= divisor - Math.abs(remainder)) {
            quotient += numerator < 0 ? -1 : 1;
        }
        return quotient;
    }

    private static long exact(BigInteger numerator, BigInteger divisor) {
        return new BigDecimal(numerator).divide(new BigDecimal(divisor), 0, MODE).longValueExact();
    }

    /** Parses an exact decimal with at most {@code scale} decimals into units of 10^−scale. */
    static long parse(String text, int scale, String typeName) {
        if (text == null) {
            throw new IllegalArgumentException(typeName + " must not be null");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal number (" + typeName + ")");
        }
        return units(value, scale, typeName);
    }

    static long units(BigDecimal value, int scale, String typeName) {
        if (value == null) {
            throw new IllegalArgumentException(typeName + " must not be null");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > scale) {
            throw new IllegalArgumentException("'" + value.toPlainString() + "' has more than " + scale
                    + " decimals; a " + typeName + " has at most " + scale);
        }
        try {
            return value.movePointRight(scale).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'" + value.toPlainString() + "' is too large for a " + typeName);
        }
    }

    /**
     * The plain decimal text of {@code units × 10^−scale} with exactly {@code scale} decimals, as
     * {@code BigDecimal.valueOf(units, scale).toPlainString()} gives it, without building a BigDecimal
     * (explanations print many amounts per settlement).
     */
    static String format(long units, int scale) {
        if (units == Long.MIN_VALUE) {
            return decimal(units, scale).toPlainString();
        }
        StringBuilder sb = new StringBuilder(24);
        appendTo(sb, units, scale);
        return sb.toString();
    }

    /** Appends what {@link #format} returns. */
    static void appendTo(StringBuilder sb, long units, int scale) {
        if (units == Long.MIN_VALUE) {
            sb.append(decimal(units, scale).toPlainString());
            return;
        }
        if (units < 0) {
            sb.append('-');
            units = -units;
        }
        String digits = Long.toString(units);
        int integerDigits = digits.length() - scale;
        if (integerDigits <= 0) {
            sb.append('0');
            if (scale > 0) {
                sb.append('.');
                sb.append("0".repeat(-integerDigits)).append(digits);
            }
        } else {
            sb.append(digits, 0, integerDigits);
            if (scale > 0) {
                sb.append('.').append(digits, integerDigits, digits.length());
            }
        }
    }

    /** Compares a × b with c × d exactly (long arithmetic, 128-bit when a product overflows). */
    static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long lo1 = a * b;
        long hi2 = Math.multiplyHigh(c, d);
        long lo2 = c * d;
        int high = Long.compare(hi1, hi2);
        return high != 0 ? high : Long.compareUnsigned(lo1, lo2);
    }

    static BigDecimal decimal(long units, int scale) {
        return BigDecimal.valueOf(units, scale);
    }
}
