package org.yibao.engine.dip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;
import org.yibao.engine.policy.InstitutionLevel;

/** R-PAY-3 payment: deviation factors around 0.5× and 2×, level coefficients, point value and payment to the fen. */
class DipPaymentTest {

    private static final Money MEAN = Money.of("1000.00");

    private static DipPayment.Deviation dev(String cost) {
        return DipPayment.deviation(Money.of(cost), MEAN);
    }

    @Test
    void aCostAtOrBelowHalfTheGroupMeanIsPaidByItsRatio() {
        assertThat(dev("500.00").band()).isEqualTo(DipPayment.Band.LOW);
        assertThat(dev("500.00").factor()).isEqualByComparingTo("0.5000");
        // 0.49999 rounds to a ratio of 0.5000, still low: the band is decided on the exact amounts.
        assertThat(dev("499.99").band()).isEqualTo(DipPayment.Band.LOW);
        assertThat(dev("499.99").factor()).isEqualByComparingTo("0.5000");
        assertThat(dev("300.00").factor()).isEqualByComparingTo("0.3000");
        assertThat(dev("500.01").band()).isEqualTo(DipPayment.Band.NORMAL);
        assertThat(dev("500.01").factor()).isEqualByComparingTo("1");
    }

    @Test
    void aCostAtOrAboveTwiceTheGroupMeanIsPaidByItsRatioLessOne() {
        assertThat(dev("1999.99").band()).isEqualTo(DipPayment.Band.NORMAL);
        assertThat(dev("1999.99").factor()).isEqualByComparingTo("1");
        assertThat(dev("2000.00").band()).isEqualTo(DipPayment.Band.HIGH);
        assertThat(dev("2000.00").factor()).isEqualByComparingTo("1.0000");
        assertThat(dev("2000.01").band()).isEqualTo(DipPayment.Band.HIGH);
        assertThat(dev("3456.78").ratio()).isEqualByComparingTo("3.4568");
        assertThat(dev("3456.78").factor()).isEqualByComparingTo("2.4568");
    }

    @Test
    void levelCoefficientsAreThoseOfDrg() {
        assertThat(DipPayment.levelCoefficient(InstitutionLevel.L3)).isEqualByComparingTo("1.00");
        assertThat(DipPayment.levelCoefficient(InstitutionLevel.L2)).isEqualByComparingTo("0.90");
        assertThat(DipPayment.levelCoefficient(InstitutionLevel.L1)).isEqualByComparingTo("0.80");
        BigDecimal score = new BigDecimal("1234.5678");
        assertThat(DipPayment.points(score, InstitutionLevel.L3, BigDecimal.ONE)).isEqualByComparingTo("1234.5678");
        assertThat(DipPayment.points(score, InstitutionLevel.L2, BigDecimal.ONE)).isEqualByComparingTo("1111.1110");
        assertThat(DipPayment.points(score, InstitutionLevel.L1, BigDecimal.ONE)).isEqualByComparingTo("987.6542");
        // 1234.5678 × 0.9 × 0.3 = 333.333306 → 333.3333
        assertThat(DipPayment.points(score, InstitutionLevel.L2, new BigDecimal("0.3000"))).isEqualByComparingTo("333.3333");
    }

    @Test
    void thePointValueSharesTheBudgetOverTheYearsPointsAndPaysToTheFen() {
        BigDecimal pv = DipPayment.pointValue(Money.of("1000000.00"), new BigDecimal("3333.3333"));
        assertThat(pv).isEqualByComparingTo("300.000003");
        // 1111.1110 × 300.000003 = 333333.3033… → 333333.30
        assertThat(DipPayment.payment(new BigDecimal("1111.1110"), pv)).isEqualTo(Money.of("333333.30"));
        assertThat(DipPayment.payment(new BigDecimal("0.0050"), new BigDecimal("1.000000"))).isEqualTo(Money.of("0.01"));
        assertThatThrownBy(() -> DipPayment.pointValue(Money.of("1.00"), BigDecimal.ZERO)).hasMessageContaining("no DIP points");
        assertThatThrownBy(() -> DipPayment.pointValue(Money.of("-1.00"), BigDecimal.ONE)).hasMessageContaining("negative");
    }

    @Test
    void theFundPaysPaymentLessMedicalFeesPlusWhatItPaidAtLeastNothing() {
        // R-PAY-2's rule: revenue = the standard. 8000 payment, 7000 fees of which the fund paid 5000 → the fund pays 6000.
        assertThat(DipPayment.fundPayment(Money.of("8000.00"), Money.of("7000.00"), Money.of("5000.00"))).isEqualTo(Money.of("6000.00"));
        assertThat(DipPayment.fundPayment(Money.of("8000.00"), Money.of("9000.00"), Money.of("5000.00"))).isEqualTo(Money.of("4000.00"));
        assertThat(DipPayment.fundPayment(Money.of("1000.00"), Money.of("9000.00"), Money.of("5000.00"))).isEqualTo(Money.ZERO);
    }

    @Test
    void aCaseIsSettledWithItsDeviationLevelPointsPaymentAndAdjustment() {
        DipCatalogue.Group g = new DipCatalogue.Group("K35.8/47.0100", DipCatalogue.Kind.CORE, 20, MEAN, new BigDecimal("1234.5678"));
        DipPayment.CaseResult r = DipPayment.settle(g, InstitutionLevel.L2, Money.of("300.00"), Money.of("200.00"), new BigDecimal("2.000000"));
        assertThat(r.deviation().band()).isEqualTo(DipPayment.Band.LOW);
        assertThat(r.points()).isEqualByComparingTo("333.3333");
        assertThat(r.payment()).isEqualTo(Money.of("666.67"));
        // 666.67 − 300.00 + 200.00
        assertThat(r.fundPayment()).isEqualTo(Money.of("566.67"));
        assertThat(r.adjustment()).isEqualTo(Money.of("366.67"));
    }
}
