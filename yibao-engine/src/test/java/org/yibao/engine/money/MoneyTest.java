package org.yibao.engine.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesExactAmountsAndShowsTwoDecimals() {
        assertThat(Money.of("12.34").fen()).isEqualTo(1234);
        assertThat(Money.of("1000").toString()).isEqualTo("1000.00");
        assertThat(Money.of("-0.5").toBigDecimal()).isEqualTo(new BigDecimal("-0.50"));
        assertThat(Money.of("12.340")).isEqualTo(Money.of("12.34"));
        assertThat(Money.ofYuan(8000)).isEqualTo(Money.of("8000.00"));
        assertThat(Money.of(new BigDecimal("3.1"))).isEqualTo(Money.ofFen(310));
    }

    @Test
    void refusesMoreThanTwoDecimalsWithAClearMessage() {
        assertThatThrownBy(() -> Money.of("12.345"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12.345").hasMessageContaining("at most 2");
        assertThatThrownBy(() -> Money.of("twelve")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a decimal");
        assertThatThrownBy(() -> Money.of((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1e30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void arithmeticIsExact() {
        Money a = Money.of("0.10");
        Money b = Money.of("0.20");
        assertThat(a.plus(b)).isEqualTo(Money.of("0.30"));
        assertThat(a.minus(b)).isEqualTo(Money.of("-0.10"));
        assertThat(a.negate()).isEqualTo(Money.of("-0.10"));
        assertThat(a.min(b)).isSameAs(a);
        assertThat(a.max(b)).isSameAs(b);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(a.minus(b).isNegative()).isTrue();
        assertThat(a.minus(b).signum()).isEqualTo(-1);
        assertThat(Money.of("0.00")).isEqualTo(Money.ZERO).hasSameHashCodeAs(Money.ZERO);
    }

    @Test
    void workedExamplesOfDomainFourFour() {
        // E2: 253.80 × 0.60 = 152.28; E4: 1,441.00 × 0.65 = 936.65, maf = 2,241.00 − 936.65
        assertThat(Money.of("253.80").times(Ratio.of("0.60"))).isEqualTo(Money.of("152.28"));
        assertThat(Money.of("1441.00").times(Ratio.of("0.65"))).isEqualTo(Money.of("936.65"));
        assertThat(Money.of("2241.00").minus(Money.of("936.65"))).isEqualTo(Money.of("1304.35"));
        // E3: 100.00 × 0.60 = 60.00
        assertThat(Money.of("100.00").times(Ratio.of("0.60"))).isEqualTo(Money.of("60.00"));
    }

    @Test
    void roundsHalfUpAwayFromZero() {
        assertThat(Money.of("0.01").times(Ratio.of("0.5"))).isEqualTo(Money.of("0.01"));
        assertThat(Money.of("-0.01").times(Ratio.of("0.5"))).isEqualTo(Money.of("-0.01"));
        assertThat(Money.of("0.01").times(Ratio.of("0.4999"))).isEqualTo(Money.ZERO);
        assertThat(Money.of("-0.01").times(Ratio.of("0.4999"))).isEqualTo(Money.ZERO);
        assertThat(Money.of("-253.80").times(Ratio.of("0.60"))).isEqualTo(Money.of("-152.28"));
        assertThat(Money.of("-0.03").times(Ratio.of("0.50"))).isEqualTo(Money.of("-0.02"));
        assertThat(Money.of("0.03").times(Ratio.of("-0.50"))).isEqualTo(Money.of("-0.02"));
        assertThat(Money.of("10.00").times(Quantity.of("0.3333"))).isEqualTo(Money.of("3.33"));
        assertThat(Money.of("10.00").times(Quantity.of("-0.0005"))).isEqualTo(Money.of("-0.01"));
    }

    @Test
    void dividesByARatioForTheAmountACapStillCovers() {
        // within = round(C / r): 1,000.00 / 0.60 = 1,666.666… → 1,666.67
        assertThat(Money.of("1000.00").divide(Ratio.of("0.60"))).isEqualTo(Money.of("1666.67"));
        assertThat(Money.of("-1000.00").divide(Ratio.of("0.60"))).isEqualTo(Money.of("-1666.67"));
        assertThat(Money.of("0.01").divide(Ratio.of("0.40"))).isEqualTo(Money.of("0.03"));
        assertThat(Money.of("100.00").divide(Ratio.of("-0.50"))).isEqualTo(Money.of("-200.00"));
        assertThatThrownBy(() -> Money.of("1.00").divide(Ratio.ZERO)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesTheUnroundedProductWithACap() {
        // 1,666.67 × 0.60 = 1,000.002 > 1,000.00 although it rounds to 1,000.00
        assertThat(Money.of("1666.67").compareTimesTo(Ratio.of("0.60"), Money.of("1000.00"))).isPositive();
        assertThat(Money.of("1666.66").compareTimesTo(Ratio.of("0.60"), Money.of("1000.00"))).isNegative();
        assertThat(Money.of("1000.00").compareTimesTo(Ratio.of("0.50"), Money.of("500.00"))).isZero();
    }

    @Test
    void largeAmountsDoNotOverflowSilently() {
        Money big = Money.of("99999999999999.99");
        assertThat(big.times(Ratio.of("0.5"))).isEqualTo(Money.of("50000000000000.00"));
        assertThat(big.divide(Ratio.of("0.5"))).isEqualTo(Money.of("199999999999999.98"));
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
    }
}
