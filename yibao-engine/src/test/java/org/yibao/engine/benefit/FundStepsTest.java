package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.yibao.engine.benefit.DemoWorld.*;
import static org.yibao.engine.policy.InstitutionLevel.L1;
import static org.yibao.engine.policy.InstitutionLevel.L2;
import static org.yibao.engine.policy.InstitutionLevel.L3;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;
import org.yibao.engine.policy.PoolKind;
import org.yibao.engine.policy.SupplementaryLayer;

/** DOMAIN §4.3 steps 1–6 and 8–10: deductible, basic fund and its cap, hifob, hifmi, maf, free check. */
class FundStepsTest {

    private static Money m(String s) {
        return Money.of(s);
    }

    private static Accumulators acc(Money outpatientDedc, Money outpatientFund, int admissions, Money inpatientFund,
                                    Money hifob, Money selfBurden, Money hifmi, Money maf) {
        return new Accumulators(outpatientDedc, outpatientFund, Map.of(), admissions, inpatientFund, hifob, selfBurden, hifmi, maf, false);
    }

    @Test
    void basicCapReachedMidSettlementPaysOnlyWhatTheCapStillCovers() {
        Accumulators before = acc(m("1000"), m("7950.00"), 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        SettlementResult r = BenefitEngine.settle(request(zhangMin(), outpatient("11", EAST_COMMUNITY, L1, "J06.900"),
                List.of(line("1", METFORMIN, "1", "100.00")), before));

        // within = round(50.00 / 0.80) = 62.50; hifp = 50.00; the other 37.50 is over the cap.
        assertThat(r.setlinfo().actPayDedc()).isEqualTo(Money.ZERO);
        assertThat(r.setlinfo().hifpPay()).isEqualTo(m("50.00"));
        assertThat(r.setlinfo().psnPartAmt()).isEqualTo(m("50.00"));
        assertThat(r.setldetail().get(0)).extracting(SetlDetail::inscpScpAmt, SetlDetail::crtPaybLmtAmt, SetlDetail::fundPayamt)
                .containsExactly(m("100.00"), m("50.00"), m("50.00"));
        assertThat(r.explanation().step("R-SET-4.3.2").inputs()).contains("within 62.50");
        assertThat(r.accumulatorsAfter().outpatientFundPaid()).isEqualTo(m("8000.00"));
    }

    @Test
    void withinRuleComparesTheUnroundedProductWithTheRemainingCap() {
        // 41.67 × 0.60 = 25.002 > 25.00: within = round(25.00 / 0.60) = 41.67, hifp = min(round(25.002), 25.00) = 25.00.
        Accumulators before = acc(m("1000"), m("7975.00"), 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        Person inService = zhangMin();

        SettlementResult r = BenefitEngine.settle(request(inService, outpatient("11", CITY_HOSPITAL, L3, "J06.900"),
                List.of(line("1", METFORMIN, "1", "41.67")), before));

        assertThat(r.setlinfo().hifpPay()).isEqualTo(m("25.00"));
        assertThat(r.explanation().step("R-SET-4.3.2").inputs()).contains("within 41.67");
    }

    @Test
    void employeeInpatientOverTheBasicCapGetsNinetyPercentFromTheLargeExpenseFund() {
        Accumulators before = acc(Money.ZERO, Money.ZERO, 0, m("299000.00"), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        Visit emergencyAdmission = admission("24", CITY_HOSPITAL, L3, "K35.800");

        SettlementResult r = BenefitEngine.settle(request(zhangMin(), emergencyAdmission,
                List.of(line("1", APPENDECTOMY, "1", "1200.00"), line("2", BED, "50", "60.00")), before));

        SetlInfo s = r.setlinfo();
        assertThat(s.poolPropSelfpay()).isEqualTo(Ratio.of("0.80"));
        assertThat(s.actPayDedc()).isEqualTo(m("1000.00"));
        assertThat(s.hifpPay()).isEqualTo(m("1000.00"));
        assertThat(s.hifobPay()).isEqualTo(m("1755.00"));
        assertThat(s.fundPaySumamt()).isEqualTo(m("2755.00"));
        assertThat(s.psnPartAmt()).isEqualTo(m("1445.00"));
        assertThat(r.setldetail()).extracting(SetlDetail::fundPayType, SetlDetail::inscpScpAmt, SetlDetail::crtPaybLmtAmt, SetlDetail::fundPayamt)
                .containsExactly(tuple("310100", m("3200.00"), m("1000.00"), m("1000.00")),
                        tuple("330100", m("1950.00"), m("500000.00"), m("1755.00")));
        assertThat(r.accumulatorsAfter().hifobPaid()).isEqualTo(m("1755.00"));
        assertThat(r.accumulatorsAfter().inpatientFundPaid()).isEqualTo(m("300000.00"));
    }

    @Test
    void seriousIllnessInsuranceCrossesBothBandsAndTheBasicCapInOneSettlement() {
        Accumulators before = acc(Money.ZERO, Money.ZERO, 0, Money.ZERO, Money.ZERO, m("14000.00"), Money.ZERO, Money.ZERO);

        SettlementResult r = BenefitEngine.settle(request(wangFang(), admission("21", CENTRAL_HOSPITAL, L2, "C18.900"),
                List.of(line("1", METFORMIN, "1000", "400.00")), before));

        // eligible 399,500 × 0.70 > 200,000: within = round(200,000 / 0.70) = 285,714.29, hifp 200,000.
        // S: 14,000 + (400,000 − 200,000) = 214,000 → 0.60 × 100,000 + 0.70 × 99,000 = 129,300.
        SetlInfo s = r.setlinfo();
        assertThat(s.hifpPay()).isEqualTo(m("200000.00"));
        assertThat(s.hifobPay()).isEqualTo(Money.ZERO);
        assertThat(s.hifmiPay()).isEqualTo(m("129300.00"));
        assertThat(r.setldetail()).extracting(SetlDetail::fundPayType, SetlDetail::inscpScpAmt, SetlDetail::crtPaybLmtAmt)
                .containsExactly(tuple("390100", m("399500.00"), m("200000.00")), tuple("390200", m("200000.00"), m("400000.00")));
        assertThat(r.accumulatorsAfter().selfBurden()).isEqualTo(m("214000.00"));
        assertThat(r.accumulatorsAfter().hifmiPaid()).isEqualTo(m("129300.00"));
    }

    @Test
    void seriousIllnessInsurancePaysOnlyTheIncreaseOverWhatItPaidEarlierThisYear() {
        Accumulators before = acc(Money.ZERO, Money.ZERO, 1, Money.ZERO, Money.ZERO, m("114000.00"), m("59400.00"), Money.ZERO);

        SettlementResult r = BenefitEngine.settle(request(wangFang(), admission("21", CENTRAL_HOSPITAL, L2, "C18.900"),
                List.of(line("1", APPENDECTOMY, "1", "1200.00"), line("2", METFORMIN, "100", "88.00")), before));

        // Later admission: deductible 250; eligible 9,750 × 0.70 = 6,825; S increment 10,000 − 6,825 = 3,175.
        // S 114,000 → 117,175: f = 60,000 + 0.70 × 2,175 = 61,522.50, of which 59,400 was paid earlier: 2,122.50 now.
        assertThat(r.setlinfo().actPayDedc()).isEqualTo(m("250.00"));
        assertThat(r.setlinfo().hifpPay()).isEqualTo(m("6825.00"));
        assertThat(r.setlinfo().hifmiPay()).isEqualTo(m("2122.50"));
    }

    @Test
    void seriousIllnessInsuranceNeverPaysMoreThanTheSettlementsOwnSelfBurden() {
        // S and hifmi paid out of step (as after reversing an older settlement).
        Accumulators outOfStep = acc(Money.ZERO, Money.ZERO, 1, Money.ZERO, Money.ZERO, m("19640.00"), Money.ZERO, Money.ZERO);

        SettlementResult r = BenefitEngine.settle(request(wangFang(), admission("21", CENTRAL_HOSPITAL, L2, "K35.800"),
                List.of(line("1", APPENDECTOMY, "1", "1200.00")), outOfStep));

        // Later admission: deductible 250; hifp 0.70 × 950 = 665; S increment 1,200 − 665 = 535; S after 20,175
        // gives f = 0.60 × 5,175 = 3,105 − 0 paid, but the fund pays no more than this settlement's 535.
        assertThat(r.setlinfo().hifmiPay()).isEqualTo(m("535.00"));
        assertThat(r.setlinfo().psnPartAmt()).isEqualTo(Money.ZERO);
    }

    @Test
    void seriousIllnessBandsAreRoundedOnceOverTheirSum() {
        SupplementaryLayer layer = new SupplementaryLayer("x", "x", "390200", SupplementaryLayer.Base.YEARLY_SELF_BURDEN,
                Set.of(), Set.of(PoolKind.INPATIENT), List.of(new SupplementaryLayer.RateBand(Money.ZERO, m("0.01"), Ratio.of("0.6")),
                new SupplementaryLayer.RateBand(m("0.01"), null, Ratio.of("0.7"))), Map.of(), null);

        // 0.6 × 0.01 + 0.7 × 0.01 = 0.013 → 0.01 (band by band it would be 0.01 + 0.01).
        assertThat(layer.bandedRoundedOnce(m("0.02"))).isEqualTo(m("0.01"));
        assertThat(layer.banded(m("0.02"))).isEqualTo(m("0.02"));
    }

    @Test
    void medicalAssistanceStopsAtItsYearlyCap() {
        Accumulators before = acc(Money.ZERO, Money.ZERO, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, m("59500.00"));

        SettlementResult r = BenefitEngine.settle(request(zhaoGang(), admission("21", CENTRAL_HOSPITAL, L2, "K35.800"),
                List.of(line("1", APPENDECTOMY, "1", "1200.00"), line("2", BED, "5", "60.00")), before));

        // inscp 1,500; deductible 500; hifp 700; assistance base 800 at 1.00, but only 500 of the 60,000 remain.
        assertThat(r.setlinfo().hifpPay()).isEqualTo(m("700.00"));
        assertThat(r.setlinfo().mafPay()).isEqualTo(m("500.00"));
        assertThat(r.setlinfo().psnPartAmt()).isEqualTo(m("300.00"));
        assertThat(r.setldetail()).extracting(SetlDetail::fundPayType, SetlDetail::inscpScpAmt, SetlDetail::crtPaybLmtAmt, SetlDetail::fundPayamt)
                .contains(tuple("610100", m("800.00"), m("500.00"), m("500.00")));
        assertThat(r.accumulatorsAfter().mafPaid()).isEqualTo(m("60000.00"));
    }

    @Test
    void medicalAssistanceUsesTheHighestRateOfThePersonsIdentities() {
        Person both = new Person("99010000000000000098", "390", "1501", "2", d("1970-01-01"), Set.of("2102", "2103"), null,
                List.of(), Set.of(), null);

        SettlementResult r = BenefitEngine.settle(request(both, outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"),
                List.of(line("1", METFORMIN, "1", "300.00"))));

        // deductible 100, hifp 0.60 × 200 = 120, base 180 × 0.70 (低保) = 126.
        assertThat(r.setlinfo().mafPay()).isEqualTo(m("126.00"));
    }

    @Test
    void secondAdmissionOfTheYearPaysHalfTheDeductible() {
        Accumulators oneAdmission = acc(Money.ZERO, Money.ZERO, 1, m("5000"), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        Visit referred = admission("21", CITY_HOSPITAL, L3, "K35.800").withReferral(new Visit.Referral(EAST_COMMUNITY, L1));

        SettlementResult r = BenefitEngine.settle(request(wangFang(), referred, List.of(line("1", APPENDECTOMY, "1", "1200.00")), oneAdmission));

        assertThat(r.setlinfo().actPayDedc()).isEqualTo(m("400.00"));
        assertThat(r.setlinfo().hifpPay()).isEqualTo(m("520.00"));
        assertThat(r.accumulatorsAfter().admissions()).isEqualTo(2);
    }

    @Test
    void settlementsOfOneStayShareOneAdmissionDeductibleAndOnlyTheFinalOneCountsTheAdmission() {
        Visit mid = admission("21", CITY_HOSPITAL, L3, "K35.800").withReferral(new Visit.Referral(EAST_COMMUNITY, L1))
                .asMidSettlement(m("300.00"));

        SettlementResult r = BenefitEngine.settle(request(wangFang(), mid, List.of(line("1", APPENDECTOMY, "1", "1200.00"))));

        assertThat(r.setlinfo().actPayDedc()).isEqualTo(m("500.00"));
        assertThat(r.accumulatorsAfter().admissions()).isZero();
    }

    @Test
    void generalOutpatientDeductibleIsCountedOverTheYear() {
        Accumulators before = acc(m("950.00"), Money.ZERO, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

        SettlementResult r = BenefitEngine.settle(request(zhangMin(), outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"),
                List.of(line("1", METFORMIN, "1", "150.00")), before));

        assertThat(r.setlinfo().actPayDedc()).isEqualTo(m("50.00"));
        assertThat(r.setlinfo().hifpPay()).isEqualTo(m("70.00"));
        assertThat(r.accumulatorsAfter().outpatientDeductibleUsed()).isEqualTo(m("1000.00"));
    }

    @Test
    void freeYearlyHealthCheckAtTheContractedCentreIsBorneByTheCentreOncePerYear() {
        List<FeeLine> lines = List.of(line("1", HEALTH_CHECK, "1", "300.00"), line("2", CONSULTATION, "1", "20.00"));
        Visit atCentre = outpatient("11", EAST_COMMUNITY, L1, "I10.x00");

        SettlementResult first = BenefitEngine.settle(request(chenJing(), atCentre, lines));

        // ratio 0.70 + 0.05 (chronic at community); deductible 20; assistance 低保 0.70 × 20 = 14.
        SetlInfo s = first.setlinfo();
        assertThat(s.hospPartAmt()).isEqualTo(m("300.00"));
        assertThat(s.mafPay()).isEqualTo(m("14.00"));
        assertThat(s.psnPartAmt()).isEqualTo(m("6.00"));
        assertThat(s.psnCashPay()).isEqualTo(m("6.00"));
        assertThat(first.lines().get(0).fulamtOwnpayAmt()).isEqualTo(m("300.00"));
        assertThat(first.setldetail()).extracting(SetlDetail::fundPayType, SetlDetail::fundPayamt)
                .containsExactly(tuple("610100", m("14.00")), tuple("999996", m("300.00")));
        assertThat(first.accumulatorsAfter().freeCheckUsed()).isTrue();

        SettlementResult second = BenefitEngine.settle(request(chenJing(), atCentre, lines, first.accumulatorsAfter()));
        assertThat(second.setlinfo().hospPartAmt()).isEqualTo(Money.ZERO);
        assertThat(second.setlinfo().psnPartAmt()).isEqualTo(m("306.00"));
    }

    @Test
    void pharmacyPurchaseIsPaidByThePersonalAccountOnly() {
        Visit pharmacy = Visit.local("41", PHARMACY, null, REGION, null, VISIT_TIME.toLocalDate(), null, true);

        SettlementResult r = BenefitEngine.settle(request(zhangMin(), pharmacy, List.of(line("1", VALSARTAN, "2", "36.50"))));

        SetlInfo s = r.setlinfo();
        assertThat(s.fundPaySumamt()).isEqualTo(Money.ZERO);
        assertThat(s.poolPropSelfpay()).isEqualTo(Ratio.ZERO);
        assertThat(s.acctPay()).isEqualTo(m("73.00"));
        assertThat(s.balc()).isEqualTo(m("2927.00"));
        assertThat(r.setldetail()).extracting(SetlDetail::fundPayType).containsExactly("310200");
    }

    @Test
    void explanationRendersEveryStepInChineseWithRequirementIds() {
        SettlementResult r = BenefitEngine.settle(request(zhaoGang(), admission("21", CITY_HOSPITAL, L3, "K35.800")
                .withReferral(new Visit.Referral(EAST_COMMUNITY, L1)), List.of(line("1", APPENDECTOMY, "1", "1200.00"))));

        assertThat(r.explanation().steps()).extracting(Explanation.Step::requirement).containsExactly("R-SET-4.1",
                "R-SET-4.3.1", "R-SET-4.2", "R-SET-4.3.2", "R-SET-4.3.4", "R-SET-4.3.5", "R-SET-4.3.6", "R-SET-4.3.7");
        assertThat(r.explanation().step("R-SET-4.3.1").policyKey()).isEqualTo("pools.inpatient.resident.deductible");
        assertThat(r.explanation().toChinese()).contains("起付线", "统筹基金", "医疗救助", "个人负担");
        assertThat(r.setldetail().get(0).setlProcInfo()).contains("支付比例", "统筹基金");
    }
}
