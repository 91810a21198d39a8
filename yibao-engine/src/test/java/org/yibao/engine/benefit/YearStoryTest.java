package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.benefit.DemoWorld.*;
import static org.yibao.engine.policy.InstitutionLevel.L1;
import static org.yibao.engine.policy.InstitutionLevel.L2;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;

/**
 * A story over one policy year (STYLE "story tests"): 王芳 (390 resident) sees doctors through 2026,
 * each settlement starting from the accumulators the previous one left, until her 1,000 general-
 * outpatient cap is used up.
 */
class YearStoryTest {

    @Test
    void residentPaysTheYearlyDeductibleOnceThenTheFundPaysUntilItsCapIsUsedUp() {
        Accumulators acc = Accumulators.ZERO;
        Person wangFang = wangFang();

        // March, community centre: 60.00 in scope, all of it deductible.
        SettlementResult march = BenefitEngine.settle(request(wangFang, outpatient("11", EAST_COMMUNITY, L1, "J06.900"),
                List.of(line("1", METFORMIN, "1", "60.00")), acc));
        assertThat(march.setlinfo().actPayDedc()).isEqualTo(Money.of("60.00"));
        assertThat(march.setlinfo().hifpPay()).isEqualTo(Money.ZERO);
        acc = march.accumulatorsAfter();

        // April, district hospital: 40.00 more deductible, then 0.60 of the rest.
        SettlementResult april = BenefitEngine.settle(request(wangFang, outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"),
                List.of(line("1", METFORMIN, "1", "540.00")), acc));
        assertThat(april.setlinfo().actPayDedc()).isEqualTo(Money.of("40.00"));
        assertThat(april.setlinfo().hifpPay()).isEqualTo(Money.of("300.00"));
        acc = april.accumulatorsAfter();

        // Every visit after pays 0.60 until the fund has paid 1,000 in the year.
        Money paid = acc.outpatientFundPaid();
        int visits = 0;
        while (paid.compareTo(Money.of("1000")) < 0) {
            SettlementResult visit = BenefitEngine.settle(request(wangFang, outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"),
                    List.of(line("1", METFORMIN, "1", "333.33")), acc));
            assertThat(visit.setlinfo().actPayDedc()).isEqualTo(Money.ZERO);
            assertThat(visit.setlinfo().hifpPay()).isLessThanOrEqualTo(Money.of("200.00"));
            acc = visit.accumulatorsAfter();
            paid = acc.outpatientFundPaid();
            visits++;
        }
        // 300 + 200.00 + 200.00 + 200.00 = 900; the fourth later visit is cut to the last 100.00.
        assertThat(visits).isEqualTo(4);
        assertThat(paid).isEqualTo(Money.of("1000.00"));
        assertThat(acc.outpatientDeductibleUsed()).isEqualTo(Money.of("100.00"));

        SettlementResult afterCap = BenefitEngine.settle(request(wangFang, outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"),
                List.of(line("1", METFORMIN, "1", "100.00")), acc));
        assertThat(afterCap.setlinfo().hifpPay()).isEqualTo(Money.ZERO);
        assertThat(afterCap.setldetail()).extracting(SetlDetail::fundPayType).doesNotContain("390100");
    }
}
