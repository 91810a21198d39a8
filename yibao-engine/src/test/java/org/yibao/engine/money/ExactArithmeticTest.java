package org.yibao.engine.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The long-arithmetic shortcuts of the money types agree with BigDecimal/BigInteger exactly, over the
 * edges (zero, ±1 unit, the long range) and a million random values.
 */
class ExactArithmeticTest {

    private static final long[] EDGES = {0, 1, -1, 5, -5, 9, 10, 99, 100, 101, -100, 9_999, 10_000, 10_001, -10_001,
            123_456_789, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE};

    @Test
    void textOfEveryTypeIsThePlainDecimalWithItsScale() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            long units = i < EDGES.length ? EDGES[i] : random.nextInt(3) == 0 ? random.nextLong() : random.nextLong(-2_000_000, 2_000_000);
            for (int scale : new int[] {2, 4, 6}) {
                assertThat(Rounding.format(units, scale)).as(units + " at scale " + scale)
                        .isEqualTo(BigDecimal.valueOf(units, scale).toPlainString());
            }
        }
        assertThat(Money.of("-0.01")).hasToString("-0.01");
        assertThat(Money.of("1000")).hasToString("1000.00");
        assertThat(Ratio.of("0.65")).hasToString("0.6500");
        assertThat(UnitPrice.of("42.3")).hasToString("42.300000");
        assertThat(Quantity.of("1.5")).hasToString("1.5000");
    }

    @Test
    void comparingTwoProductsIsExactOverTheWholeLongRange() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 1_000_000; i++) {
            long a = pick(random, i);
            long b = pick(random, i + 3);
            long c = random.nextBoolean() ? a : pick(random, i + 5);
            long d = random.nextInt(4) == 0 ? b + random.nextLong(-1, 2) : pick(random, i + 7);
            int expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                    .compareTo(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d)));
            assertThat(Integer.signum(Rounding.compareProducts(a, b, c, d))).as(a + "×" + b + " vs " + c + "×" + d)
                    .isEqualTo(expected);
        }
    }

    @Test
    void lineAmountToleranceIsExactAtTheBoundaryAndBeyondTheLongRange() {
        UnitPrice price = UnitPrice.of("33.333333");
        Quantity three = Quantity.of("3");
        // 3 × 33.333333 = 99.999999: 100.00 is 0.000001 away, 99.99 0.009999, 100.01 0.010001, 99.98 0.019999.
        assertThat(price.timesIsWithin(three, Money.of("100.00"), Money.ofFen(1))).isTrue();
        assertThat(price.timesIsWithin(three, Money.of("99.99"), Money.ofFen(1))).isTrue();
        assertThat(price.timesIsWithin(three, Money.of("99.98"), Money.ofFen(1))).isFalse();
        assertThat(price.timesIsWithin(three, Money.of("100.01"), Money.ofFen(1))).isFalse();
        assertThat(UnitPrice.of("33.34").timesIsWithin(three, Money.of("100.01"), Money.ofFen(1))).isTrue();
        // Beyond 64 bits the answer comes from BigDecimal and is still exact.
        UnitPrice huge = UnitPrice.of("9000000000.000000");
        Quantity many = Quantity.of("100000");
        assertThat(huge.timesIsWithin(many, Money.of("900000000000000.00"), Money.ofFen(1))).isTrue();
        assertThat(huge.timesIsWithin(many, Money.of("900000000000000.02"), Money.ofFen(1))).isFalse();
    }

    private static long pick(SplittableRandom random, int i) {
        return switch (random.nextInt(4)) {
            case 0 -> EDGES[i % EDGES.length];
            case 1 -> random.nextLong();
            default -> random.nextLong(-10_000_000_000L, 10_000_000_000L);
        };
    }
}
