package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.benefit.DemoWorld.*;
import static org.yibao.engine.policy.InstitutionLevel.L1;
import static org.yibao.engine.policy.InstitutionLevel.L2;
import static org.yibao.engine.policy.InstitutionLevel.L3;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/** DOMAIN §4.4: the worked examples, field for field (fields not listed are 0.00). */
class WorkedExamplesTest {

    /** Every setlinfo money field, in interface order, as strings, so that a failure shows the whole reply. */
    private static String fields(SetlInfo s) {
        return String.join(" ", "medfee=" + s.medfeeSumamt(), "fulamt=" + s.fulamtOwnpayAmt(),
                "overlmt=" + s.overlmtSelfpay(), "preselfpay=" + s.preselfpayAmt(), "inscp=" + s.inscpScpAmt(),
                "dedc=" + s.actPayDedc(), "hifp=" + s.hifpPay(), "ratio=" + s.poolPropSelfpay(), "cvlserv=" + s.cvlservPay(),
                "hifes=" + s.hifesPay(), "hifmi=" + s.hifmiPay(), "hifob=" + s.hifobPay(), "maf=" + s.mafPay(),
                "oth=" + s.othPay(), "fund=" + s.fundPaySumamt(), "psn_part=" + s.psnPartAmt(), "acct=" + s.acctPay(),
                "cash=" + s.psnCashPay(), "hosp=" + s.hospPartAmt(), "balc=" + s.balc(), "mulaid=" + s.acctMulaidPay());
    }

    @Test
    void e1ZhangMinGeneralOutpatientAtCommunityCentre() {
        SettlementResult r = BenefitEngine.settle(request(zhangMin(), outpatient("11", EAST_COMMUNITY, L1, "J06.900"), List.of(
                line("1", CONSULTATION, "1", "25.00"), line("2", VALSARTAN, "2", "36.50"), line("3", MINOXIDIL, "1", "88.00"))));

        assertThat(fields(r.setlinfo())).isEqualTo("medfee=186.00 fulamt=88.00 overlmt=5.00 preselfpay=7.30 inscp=85.70"
                + " dedc=85.70 hifp=0.00 ratio=0.8000 cvlserv=0.00 hifes=0.00 hifmi=0.00 hifob=0.00 maf=0.00 oth=0.00"
                + " fund=0.00 psn_part=186.00 acct=186.00 cash=0.00 hosp=0.00 balc=2814.00 mulaid=0.00");
        assertThat(r.setldetail()).extracting(SetlDetail::fundPayType, SetlDetail::fundPayamt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("310200", Money.of("186.00")));
        assertThat(r.accumulatorsAfter().outpatientDeductibleUsed()).isEqualTo(Money.of("85.70"));
    }

    @Test
    void e1SettlementRequestWithClientSumsThatDoNotMatchTheLinesIsRefused() {
        SettlementResult r = BenefitEngine.settle(request(zhangMin(), outpatient("11", EAST_COMMUNITY, L1, "J06.900"), List.of(
                line("1", CONSULTATION, "1", "25.00"), line("2", VALSARTAN, "2", "36.50"), line("3", MINOXIDIL, "1", "88.00"))));

        r.setlinfo().requireClientSums(Money.of("186.00"), Money.of("88.00"), Money.of("5.00"), Money.of("7.30"), Money.of("85.70"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.setlinfo().requireClientSums(Money.of("186.00"),
                        Money.of("88.00"), Money.of("0.00"), Money.of("7.30"), Money.of("90.70")))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(SettlementRefused.Reason.CLIENT_SUMS_MISMATCH);
                    assertThat(e.field()).isEqualTo("overlmt_selfpay");
                });
    }

    @Test
    void e2LiQiangChronicDiabetesAtCommunityCentre() {
        SettlementResult r = BenefitEngine.settle(request(liQiang(), outpatient("14", EAST_COMMUNITY, L1, "E11.900"),
                List.of(line("1", METFORMIN, "6", "42.30"))));

        assertThat(fields(r.setlinfo())).isEqualTo("medfee=253.80 fulamt=0.00 overlmt=0.00 preselfpay=0.00 inscp=253.80"
                + " dedc=0.00 hifp=152.28 ratio=0.6000 cvlserv=0.00 hifes=0.00 hifmi=0.00 hifob=0.00 maf=0.00 oth=0.00"
                + " fund=152.28 psn_part=101.52 acct=101.52 cash=0.00 hosp=0.00 balc=4898.48 mulaid=0.00");
        SetlDetail basic = r.setldetail().get(0);
        assertThat(basic.fundPayType()).isEqualTo("310100");
        assertThat(basic.inscpScpAmt()).isEqualTo(Money.of("253.80"));
        assertThat(basic.crtPaybLmtAmt()).isEqualTo(Money.of("20000.00"));
        assertThat(r.accumulatorsAfter().chronicFundPaid("E11")).isEqualTo(Money.of("152.28"));
    }

    @Test
    void e3WangFangPaysThroughHerDaughtersMutualAidExceptTheHealthCheck() {
        SettlementResult r = BenefitEngine.settle(request(wangFang(), outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"), List.of(
                line("1", CONSULTATION, "1", "20.00"), line("2", CT, "1", "220.00"), line("3", HEALTH_CHECK, "1", "300.00"))));

        assertThat(fields(r.setlinfo())).isEqualTo("medfee=540.00 fulamt=300.00 overlmt=20.00 preselfpay=20.00 inscp=200.00"
                + " dedc=100.00 hifp=60.00 ratio=0.6000 cvlserv=0.00 hifes=0.00 hifmi=0.00 hifob=0.00 maf=0.00 oth=0.00"
                + " fund=60.00 psn_part=480.00 acct=180.00 cash=300.00 hosp=0.00 balc=0.00 mulaid=180.00");
        assertThat(r.mutualAid()).containsExactly(new SettlementResult.MutualAidPayment("99010000000000000001",
                Money.of("180.00"), Money.of("2820.00")));
        assertThat(r.setldetail()).extracting(SetlDetail::fundPayType).containsExactly("390100", "310200");
    }

    @Test
    void e4ZhaoGangInpatientAtCityHospitalReferredUp() {
        Visit visit = admission("21", CITY_HOSPITAL, L3, "K35.800").withReferral(new Visit.Referral(EAST_COMMUNITY, L1));
        SettlementResult r = BenefitEngine.settle(request(zhaoGang(), visit, List.of(
                line("1", APPENDECTOMY, "1", "1200.00"), line("2", BED, "5", "60.00"), line("3", INPATIENT_CONSULTATION, "5", "30.00"),
                line("4", CEFUROXIME, "10", "55.00"), line("5", INFUSION_SET, "10", "12.00"))));

        assertThat(fields(r.setlinfo())).isEqualTo("medfee=2320.00 fulamt=0.00 overlmt=0.00 preselfpay=79.00 inscp=2241.00"
                + " dedc=800.00 hifp=936.65 ratio=0.6500 cvlserv=0.00 hifes=0.00 hifmi=0.00 hifob=0.00 maf=1304.35 oth=0.00"
                + " fund=2241.00 psn_part=79.00 acct=0.00 cash=79.00 hosp=0.00 balc=0.00 mulaid=0.00");
        assertThat(r.setldetail()).extracting(SetlDetail::fundPayType, SetlDetail::inscpScpAmt, SetlDetail::fundPayamt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("390100", Money.of("1441.00"), Money.of("936.65")),
                        org.assertj.core.groups.Tuple.tuple("610100", Money.of("1304.35"), Money.of("1304.35")));
        assertThat(r.explanation().step("R-SET-4.2").text()).contains("0.6000", "上转诊");
        assertThat(r.accumulatorsAfter().admissions()).isEqualTo(1);
        assertThat(r.accumulatorsAfter().selfBurden()).isEqualTo(Money.of("1304.35"));
    }

    @Test
    void e4AtTheCommunityCentreTheCefuroximeLineIsFullySelfPaid() {
        Visit visit = admission("21", EAST_COMMUNITY, L1, "K35.800");
        SettlementResult r = BenefitEngine.settle(request(zhaoGang(), visit, List.of(line("4", CEFUROXIME, "10", "55.00"))));

        LineResult cef = r.lines().get(0);
        assertThat(cef.fulamtOwnpayAmt()).isEqualTo(Money.of("550.00"));
        assertThat(cef.inscpScpAmt()).isEqualTo(Money.ZERO);
        assertThat(cef.memo()).contains("R-SET-4.1.3", "2级");
        assertThat(r.setlinfo().poolPropSelfpay()).isEqualTo(Ratio.of("0.80"));
    }
}
