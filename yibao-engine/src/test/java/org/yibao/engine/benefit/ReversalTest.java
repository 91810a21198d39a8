package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.benefit.DemoWorld.*;
import static org.yibao.engine.policy.InstitutionLevel.L1;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.policy.DemoPolicy;
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

    @Test
    void reversingAnOlderSettlementLeavesTheLaterOneAndTheNextSettlementSaysSo() {
        Visit visit = outpatient("14", EAST_COMMUNITY, L1, "E11.900");
        SettlementResult first = BenefitEngine.settle(request(liQiang(), visit, List.of(line("1", METFORMIN, "6", "42.30"))));
        SettlementResult second = BenefitEngine.settle(request(liQiang(), visit, List.of(line("1", METFORMIN, "2", "42.30")),
                first.accumulatorsAfter()));
        // The first settlement is reversed after the second: its change is taken out, the second stays as it was.
        Accumulators afterOlderReversal = second.accumulatorsAfter().reversing(first.accumulatorChange());
        assertThat(afterOlderReversal).isEqualTo(Accumulators.ZERO.plus(second.accumulatorChange()));

        SettlementRequest next = new SettlementRequest(DemoPolicy.region990100(), catalogue990100(), liQiang(), visit,
                List.of(line("1", METFORMIN, "1", "42.30")),
                afterOlderReversal, List.of(new SettlementRequest.EarlierReversal("S-0001", d("2026-03-10"), d("2026-03-12"))));
        SettlementResult third = BenefitEngine.settle(next);

        Explanation.Step note = third.explanation().step("R-SET-4.3.10");
        assertThat(note.text()).contains("S-0001", "2026-03-10", "2026-03-12", "冲正", "不追溯重算");
        assertThat(third.explanation().toChinese()).startsWith("1. 说明：2026-03-10 的结算 S-0001");
        // The note changes no amount: the same settlement without it pays the same.
        assertThat(third.setlinfo()).isEqualTo(BenefitEngine.settle(request(liQiang(), visit,
                List.of(line("1", METFORMIN, "1", "42.30")), afterOlderReversal)).setlinfo());
    }
}
