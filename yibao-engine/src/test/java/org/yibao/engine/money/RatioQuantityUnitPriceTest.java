package org.yibao.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RatioQuantityUnitPriceTest {

    @Test
    void ratiosHaveFourDecimals() {
        assertThat(Ratio.of("0.65").toString()).isEqualTo("0.6500");
        assertThat(Ratio.of("0.60").plus(Ratio.of("0.05"))).isEqualTo(Ratio.of("0.65"));
        assertThat(Ratio.of("0.60").minus(Ratio.of("0.8"))).isEqualTo(Ratio.of("-0.20"));
        assertThat(Ratio.of("-0.1").negate()).isEqualTo(Ratio.of("0.1"));
        assertThat(Ratio.of("1").isWithinZeroAndOne()).isTrue();
        assertThat(Ratio.of("1.0001").isWithinZeroAndOne()).isFalse();
        assertThat(Ratio.of("-0.0001").isWithinZeroAndOne()).isFalse();
        assertThat(Ratio.of("0.5").toBigDecimal()).isEqualTo(new BigDecimal("0.5000"));
        assertThatThrownBy(() -> Ratio.of("0.12345")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 4");
    }

    @Test
    void adjustedRatioIsClampedToTheBounds() {
        Ratio min = Ratio.ZERO;
        Ratio max = Ratio.of("0.95");
        assertThat(Ratio.of("0.90").plus(Ratio.of("0.15")).clamp(min, max)).isEqualTo(max);
        assertThat(Ratio.of("0.05").plus(Ratio.of("-0.20")).clamp(min, max)).isEqualTo(Ratio.ZERO);
        assertThat(Ratio.of("0.65").clamp(min, max)).isEqualTo(Ratio.of("0.65"));
        assertThatThrownBy(() -> Ratio.ZERO.clamp(max, min)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quantitiesMayBeNegativeForRefunds() {
        assertThat(Quantity.of("-2").isNegative()).isTrue();
        assertThat(Quantity.of(5)).isEqualTo(Quantity.of("5.0000"));
        assertThat(Quantity.of("1.5").plus(Quantity.of("-2"))).isEqualTo(Quantity.of("-0.5"));
        assertThat(Quantity.of("0.1234").toString()).isEqualTo("0.1234");
        assertThatThrownBy(() -> Quantity.of("0.00001")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitPriceTimesQuantityIsRoundedMoney() {
        // E1/E4 lines: 2 × 36.50 = 73.00; 10 × 55.00 = 550.00; 5 × 60.00 = 300.00
        assertThat(UnitPrice.of("36.50").times(Quantity.of(2))).isEqualTo(Money.of("73.00"));
        assertThat(UnitPrice.of("55").times(Quantity.of(10))).isEqualTo(Money.of("550.00"));
        assertThat(UnitPrice.of("0.333333").times(Quantity.of(3))).isEqualTo(Money.of("1.00"));
        assertThat(UnitPrice.of("0.005").times(Quantity.ONE)).isEqualTo(Money.of("0.01"));
        assertThat(UnitPrice.of("0.005").times(Quantity.of("-1"))).isEqualTo(Money.of("-0.01"));
        assertThat(UnitPrice.of("0.004999").times(Quantity.of("-1"))).isEqualTo(Money.ZERO);
        assertThat(UnitPrice.of(Money.of("20.00"))).isEqualTo(UnitPrice.of("20"));
        assertThat(UnitPrice.of("1.123456").toString()).isEqualTo("1.123456");
        assertThatThrownBy(() -> UnitPrice.of("1.1234567")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 6");
    }

    @Test
    void hugePriceTimesQuantityFallsBackToExactArithmetic() {
        assertThat(UnitPrice.of("99999999.999999").times(Quantity.of("99999.9999")))
                .isEqualTo(Money.of(new BigDecimal("99999999.999999").multiply(new BigDecimal("99999.9999"))
                        .setScale(2, java.math.RoundingMode.HALF_UP)));
    }
}
