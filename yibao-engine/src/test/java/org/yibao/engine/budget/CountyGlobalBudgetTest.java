package org.yibao.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.budget.CountyGlobalBudget.Terms;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/** R-PAY-5 to the fen: 1,200 yuan per enrolled resident; 60% of a surplus kept; an overspend shared 70/30. */
class CountyGlobalBudgetTest {

    static Money m(String s) {
        return Money.of(s);
    }

    @Test
    void theBudgetIsPerCapitaTimesTheResidentsEnrolledOnTheFirstOfJanuary() {
        assertThat(CountyGlobalBudget.budget(Terms.DEMO, 52_317)).isEqualTo(m("62780400.00"));
        assertThat(CountyGlobalBudget.budget(new Terms(m("1187.35"), Ratio.of("0.6"), Ratio.of("0.7")), 3)).isEqualTo(m("3562.05"));
        assertThat(CountyGlobalBudget.budget(Terms.DEMO, 0)).isEqualTo(Money.ZERO);
    }

    @Test
    void aSurplusIsKeptSixtyPercentByTheCommunity() {
        var s = CountyGlobalBudget.settleUp(Terms.DEMO, m("1200000.00"), m("1000000.00"));
        assertThat(s.surplus()).isEqualTo(m("200000.00"));
        assertThat(s.overspend()).isEqualTo(Money.ZERO);
        assertThat(s.communityKeeps()).isEqualTo(m("120000.00"));
        assertThat(s.fundKeeps()).isEqualTo(m("80000.00"));
        assertThat(s.communityBears()).isEqualTo(Money.ZERO);
        assertThat(s.adjustment()).isEqualTo(m("120000.00"));
    }

    @Test
    void anOverspendIsBorneSeventyPercentByTheFundAndThirtyByTheCommunity() {
        var s = CountyGlobalBudget.settleUp(Terms.DEMO, m("1200000.00"), m("1500000.00"));
        assertThat(s.overspend()).isEqualTo(m("300000.00"));
        assertThat(s.surplus()).isEqualTo(Money.ZERO);
        assertThat(s.fundBears()).isEqualTo(m("210000.00"));
        assertThat(s.communityBears()).isEqualTo(m("90000.00"));
        assertThat(s.adjustment()).isEqualTo(m("-90000.00"));
    }

    @Test
    void oddFenAreRoundedOnTheCommunitySideAndTheSharesAlwaysAddUp() {
        // surplus 0.05: 60% = 0.03 (half-up), the fund keeps 0.02
        var s = CountyGlobalBudget.settleUp(Terms.DEMO, m("100.05"), m("100.00"));
        assertThat(s.communityKeeps()).isEqualTo(m("0.03"));
        assertThat(s.fundKeeps()).isEqualTo(m("0.02"));
        // overspend 0.05: 30% = 0.015 → 0.02 for the community, 0.03 for the fund
        var o = CountyGlobalBudget.settleUp(Terms.DEMO, m("100.00"), m("100.05"));
        assertThat(o.communityBears()).isEqualTo(m("0.02"));
        assertThat(o.fundBears()).isEqualTo(m("0.03"));
        for (int fen = 1; fen < 500; fen += 7) {
            var x = CountyGlobalBudget.settleUp(Terms.DEMO, m("1000.00"), m("1000.00").plus(Money.ofFen(fen)));
            assertThat(x.fundBears().plus(x.communityBears())).isEqualTo(x.overspend());
            var y = CountyGlobalBudget.settleUp(Terms.DEMO, m("1000.00").plus(Money.ofFen(fen)), m("1000.00"));
            assertThat(y.communityKeeps().plus(y.fundKeeps())).isEqualTo(y.surplus());
        }
    }

    @Test
    void onBudgetNothingMoves() {
        var s = CountyGlobalBudget.settleUp(Terms.DEMO, m("5000.00"), m("5000.00"));
        assertThat(s.adjustment()).isEqualTo(Money.ZERO);
        assertThat(s.surplus()).isEqualTo(Money.ZERO);
        assertThat(s.overspend()).isEqualTo(Money.ZERO);
    }

    @Test
    void theRunningForecastExtendsThePaymentsSoFarOverTheYear() {
        assertThat(CountyGlobalBudget.forecast(m("300000.00"), 90, 365)).isEqualTo(m("1216666.67"));
        assertThat(CountyGlobalBudget.forecast(m("300000.00"), 91, 366)).isEqualTo(m("1206593.41"));
        assertThat(CountyGlobalBudget.forecast(m("1000000.00"), 365, 365)).isEqualTo(m("1000000.00"));
        assertThatThrownBy(() -> CountyGlobalBudget.forecast(m("1.00"), 0, 365)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void termsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new Terms(Money.ZERO, Ratio.of("0.6"), Ratio.of("0.7"))).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Terms(Money.ofYuan(1), Ratio.of("1.2"), Ratio.of("0.7"))).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> CountyGlobalBudget.budget(Terms.DEMO, -1)).hasMessageContaining("negative");
    }

    @Test
    void theAdjustmentIsChargedToTheFundsInProportionAndAddsUpToTheFen() {
        assertThat(CountyGlobalBudget.allocate(m("100.00"), List.of(m("2.00"), m("1.00"), m("1.00"))))
                .containsExactly(m("50.00"), m("25.00"), m("25.00"));
        // 0.10 over three equal parts: 0.04, 0.03, 0.03 (the first remainder wins the odd fen)
        assertThat(CountyGlobalBudget.allocate(m("0.10"), List.of(m("1.00"), m("1.00"), m("1.00"))))
                .containsExactly(m("0.04"), m("0.03"), m("0.03"));
        assertThat(CountyGlobalBudget.allocate(m("-0.10"), List.of(m("1.00"), m("1.00"), m("1.00"))))
                .containsExactly(m("-0.04"), m("-0.03"), m("-0.03"));
        assertThat(CountyGlobalBudget.allocate(m("7.00"), List.of(Money.ZERO, Money.ZERO))).containsExactly(m("7.00"), Money.ZERO);
        for (int fen = -997; fen < 1000; fen += 13) {
            Money total = Money.ofFen(fen);
            List<Money> parts = CountyGlobalBudget.allocate(total, List.of(m("3.33"), m("0.01"), m("12.00"), Money.ZERO));
            assertThat(parts.stream().reduce(Money.ZERO, Money::plus)).isEqualTo(total);
            assertThat(parts.get(3)).isEqualTo(Money.ZERO);
        }
    }
}
