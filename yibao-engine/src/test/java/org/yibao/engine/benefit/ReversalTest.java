package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.benefit.DemoWorld.*;
import static org.yibao.engine.policy.InstitutionLevel.L1;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/** DOMAIN §4.3 step 10 and NATIONAL_INTERFACE §5: a reversal mirrors the settlement and restores the accumulators. */
class ReversalTest {

    @Test
    void reversingTheLatestSettlementRestoresEveryAccumulatorExactly() {
        SettlementResult first = BenefitEngine.settle(request(liQiang(), outpatient("14", EAST_COMMUNITY, L1, "E11.900"),
                List.of(line("1", METFORMIN, "6", "42.30"))));
        SettlementResult second = BenefitEngine.settle(request(liQiang(), outpatient("14", EAST_COMMUNITY, L1, "E11.900"),
                List.of(line("1", METFORMIN, "2", "42.30")), first.accumulatorsAfter()));

        assertThat(second.accumulatorsAfter().chronicFundPaid("E11")).isEqualTo(Money.of("203.04"));
        Accumulators afterReversal = second.accumulatorsAfter().reversing(second.accumulatorChange());
        assertThat(afterReversal).isEqualTo(first.accumulatorsAfter());
        assertThat(afterReversal.reversing(first.accumulatorChange())).isEqualTo(Accumulators.ZERO);
    }

    @Test
    void reversalMirrorHasEveryAmountNegatedAndKeepsTheRatio() {
        SettlementResult r = BenefitEngine.settle(request(liQiang(), outpatient("14", EAST_COMMUNITY, L1, "E11.900"),
                List.of(line("1", METFORMIN, "6", "42.30"))));

        SetlInfo mirror = r.setlinfo().negated(Money.of("5000.00"));

        assertThat(mirror.medfeeSumamt()).isEqualTo(Money.of("-253.80"));
        assertThat(mirror.hifpPay()).isEqualTo(Money.of("-152.28"));
        assertThat(mirror.acctPay()).isEqualTo(Money.of("-101.52"));
        assertThat(mirror.poolPropSelfpay()).isEqualTo(Ratio.of("0.60"));
        assertThat(mirror.balc()).isEqualTo(Money.of("5000.00"));
    }

    @Test
    void reversingASettlementThatUsedTheFreeCheckMakesItAvailableAgain() {
        SettlementResult r = BenefitEngine.settle(request(chenJing(), outpatient("11", EAST_COMMUNITY, L1, "I10.x00"),
                List.of(line("1", HEALTH_CHECK, "1", "300.00"))));

        assertThat(r.accumulatorsAfter().freeCheckUsed()).isTrue();
        assertThat(r.accumulatorsAfter().reversing(r.accumulatorChange()).freeCheckUsed()).isFalse();
    }
}
