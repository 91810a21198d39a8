package org.yibao.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.yibao.engine.budget.Capitation.Terms;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/** R-PAY-6 to the fen: 100 yuan per signed person per year, one twelfth a month, −5% after a year below 60%. */
class CapitationTest {

    static Money m(String s) {
        return Money.of(s);
    }

    @Test
    void oneTwelfthOfTheYearlyAmountForEachContractInForceAtTheMonthsEnd() {
        var p = Capitation.month(Terms.DEMO, 1200, Ratio.of("0.75"));
        assertThat(p.gross()).isEqualTo(m("10000.00"));
        assertThat(p.cutApplied()).isFalse();
        assertThat(p.net()).isEqualTo(m("10000.00"));
        assertThat(p.healthManagement()).isEqualTo(m("6000.00"));
        assertThat(p.medical()).isEqualTo(m("4000.00"));
        // Pro rata, rounded once per centre and month: 7 × 100 ÷ 12 = 58.333… → 58.33 (not 7 × 8.33 = 58.31).
        assertThat(Capitation.month(Terms.DEMO, 7, null).gross()).isEqualTo(m("58.33"));
        assertThat(Capitation.month(Terms.DEMO, 1, null).gross()).isEqualTo(m("8.33"));
        assertThat(Capitation.month(Terms.DEMO, 2, null).gross()).isEqualTo(m("16.67"));
        assertThat(Capitation.month(Terms.DEMO, 0, null).net()).isEqualTo(Money.ZERO);
    }

    @Test
    void aCentreBelowSixtyPercentManagementLastYearIsPaidFivePercentLess() {
        var below = Capitation.month(Terms.DEMO, 1200, Ratio.of("0.5999"));
        assertThat(below.cutApplied()).isTrue();
        assertThat(below.cutAmount()).isEqualTo(m("500.00"));
        assertThat(below.net()).isEqualTo(m("9500.00"));
        assertThat(below.healthManagement()).isEqualTo(m("5700.00"));
        assertThat(Capitation.month(Terms.DEMO, 1200, Ratio.of("0.60")).cutApplied()).isFalse();
        // No registered hypertension patient last year: no rate, no cut.
        assertThat(Capitation.month(Terms.DEMO, 1200, null).cutApplied()).isFalse();
    }

    @Test
    void theEvaluationsRecordedQuotaAdjustmentIsPaidWhateverItIs() {
        // 7 contracts: 58.33 gross; −5% cuts 2.92 (half-up), as the rate's cut would.
        var cut = Capitation.withQuotaAdjustment(Terms.DEMO, 7, Ratio.of("-0.0500"));
        assertThat(cut.gross()).isEqualTo(m("58.33"));
        assertThat(cut.cutApplied()).isTrue();
        assertThat(cut.cutAmount()).isEqualTo(m("2.92")).isEqualTo(Capitation.month(Terms.DEMO, 7, Ratio.of("0.10")).cutAmount());
        assertThat(cut.net()).isEqualTo(m("55.41"));
        var none = Capitation.withQuotaAdjustment(Terms.DEMO, 1200, Ratio.ZERO);
        assertThat(none.cutApplied()).isFalse();
        assertThat(none.net()).isEqualTo(m("10000.00"));
        var more = Capitation.withQuotaAdjustment(Terms.DEMO, 1200, Ratio.of("0.0300"));
        assertThat(more.cutAmount()).isEqualTo(m("-300.00"));
        assertThat(more.net()).isEqualTo(m("10300.00"));
        assertThat(more.healthManagement().plus(more.medical())).isEqualTo(more.net());
    }

    @Test
    void thePartsAlwaysAddUp() {
        for (int n = 0; n < 400; n += 3) {
            var p = Capitation.month(Terms.DEMO, n, Ratio.of("0.40"));
            assertThat(p.net().plus(p.cutAmount())).isEqualTo(p.gross());
            assertThat(p.healthManagement().plus(p.medical())).isEqualTo(p.net());
        }
        assertThatThrownBy(() -> Capitation.month(Terms.DEMO, -1, null)).hasMessageContaining("negative");
    }
}
