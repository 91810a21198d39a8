package org.yibao.engine.benefit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yibao.engine.benefit.DemoWorld.*;
import static org.yibao.engine.policy.InstitutionLevel.L1;
import static org.yibao.engine.policy.InstitutionLevel.L2;
import static org.yibao.engine.policy.InstitutionLevel.L3;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yibao.engine.benefit.SettlementRefused.Reason;
import org.yibao.engine.benefit.SettlementResult.MutualAidPayment;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

/** DOMAIN §4.2 ratio adjustments, §4.3 step 7 accounts, and the refusals of a visit. */
class RatioAndAccountsTest {

    private static final List<FeeLine> ONE_LINE = List.of(line("1", APPENDECTOMY, "1", "1200.00"));

    private static Ratio ratio(Person p, Visit v) {
        return BenefitEngine.settle(request(p, v, ONE_LINE)).setlinfo().poolPropSelfpay();
    }

    private static Money m(String s) {
        return Money.of(s);
    }

    @Test
    void chronicPatientAtTheCommunityCentreGetsFivePointsMore() {
        assertThat(ratio(sunWei(), outpatient("11", EAST_COMMUNITY, L1, "I10.x00"))).isEqualTo(Ratio.of("0.85"));
        assertThat(ratio(sunWei(), outpatient("11", CENTRAL_HOSPITAL, L2, "I10.x00"))).isEqualTo(Ratio.of("0.70"));
    }

    @Test
    void chronicOutpatientRatioIsNeverAdjusted() {
        assertThat(ratio(sunWei(), outpatient("14", EAST_COMMUNITY, L1, "I10.x00"))).isEqualTo(Ratio.of("0.60"));
    }

    @Test
    void familyDoctorOnePlusOnePlusOneReferralReplacesReferralUp() {
        Visit fromOwnCentre = admission("21", CITY_HOSPITAL, L3, "K35.800").withReferral(new Visit.Referral(EAST_COMMUNITY, L1));
        Visit fromOtherCentre = admission("21", CITY_HOSPITAL, L3, "K35.800").withReferral(new Visit.Referral("H99010000004", L1));

        assertThat(ratio(sunWei(), fromOwnCentre)).isEqualTo(Ratio.of("0.95"));
        assertThat(ratio(sunWei(), fromOtherCentre)).isEqualTo(Ratio.of("0.85"));
    }

    @Test
    void referralBetweenInstitutionsOfEqualLevelGivesNoAdjustment() {
        Visit sideways = admission("21", "H99010000004", L1, "K35.800").withReferral(new Visit.Referral(EAST_COMMUNITY, L1));

        assertThat(ratio(wangFang(), sideways)).isEqualTo(Ratio.of("0.80"));
    }

    @Test
    void adjustedRatioIsClampedToNinetyFivePercentLast() {
        // retired at level 1: 0.95 + 0.10 (referral down for rehabilitation) = 1.05 → 0.95.
        Visit down = admission("21", EAST_COMMUNITY, L1, "Z50.900").withReferral(new Visit.Referral(CITY_HOSPITAL, L3));

        SettlementResult r = BenefitEngine.settle(request(liQiang(), down, ONE_LINE));

        assertThat(r.setlinfo().poolPropSelfpay()).isEqualTo(Ratio.of("0.95"));
        assertThat(r.explanation().step("R-SET-4.2").text()).contains("1.0500", "限定为 0.9500");
    }

    @Test
    void selfReferralToTheCityHospitalCostsTenPointsExceptForEmergencyAdmission() {
        assertThat(ratio(zhangMin(), admission("21", CITY_HOSPITAL, L3, "K35.800"))).isEqualTo(Ratio.of("0.70"));
        assertThat(ratio(zhangMin(), admission("24", CITY_HOSPITAL, L3, "K35.800"))).isEqualTo(Ratio.of("0.80"));
    }

    @Test
    void crossRegionCareGetsOnlyTheMostFavourableCrossRegionBand() {
        Visit local = admission("21", "H98010000001", L3, "K35.800");

        assertThat(ratio(zhangMin(), local.treatedIn("980100", Visit.CrossRegionFiling.LONG_TERM))).isEqualTo(Ratio.of("0.80"));
        assertThat(ratio(zhangMin(), local.treatedIn("980100", Visit.CrossRegionFiling.REFERRAL))).isEqualTo(Ratio.of("0.70"));
        assertThat(ratio(zhangMin(), local.treatedIn("980100", Visit.CrossRegionFiling.OTHER_TEMPORARY))).isEqualTo(Ratio.of("0.60"));
        Visit emergency = admission("24", "H98010000001", L3, "K35.800").treatedIn("980100", Visit.CrossRegionFiling.OTHER_TEMPORARY);
        assertThat(ratio(zhangMin(), emergency)).isEqualTo(Ratio.of("0.70"));
    }

    @Test
    void crossRegionCareWithoutFilingIsRefusedUnlessItIsAnEmergency() {
        Visit unfiled = admission("21", "H98010000001", L3, "K35.800").treatedIn("980100", Visit.CrossRegionFiling.NONE);

        assertThatThrownBy(() -> BenefitEngine.settle(request(zhangMin(), unfiled, ONE_LINE)))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.CROSS_REGION_NOT_FILED));
        Visit emergency = admission("24", "H98010000001", L3, "K35.800").treatedIn("980100", Visit.CrossRegionFiling.NONE);
        assertThat(ratio(zhangMin(), emergency)).isEqualTo(Ratio.of("0.70"));
    }

    @Test
    void mutualAidExhaustsTheFirstBinderThenUsesTheNext() {
        Person twoBinders = new Person("99010000000000000097", "390", "1501", "2", d("1956-09-02"), Set.of(), null,
                List.of(new Person.MutualAidBinder("B1", m("50.00")), new Person.MutualAidBinder("B2", m("3000.00"))), Set.of(), null);

        SettlementResult r = BenefitEngine.settle(request(twoBinders, outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"), List.of(
                line("1", CONSULTATION, "1", "20.00"), line("2", CT, "1", "220.00"), line("3", HEALTH_CHECK, "1", "300.00"))));

        assertThat(r.mutualAid()).containsExactly(new MutualAidPayment("B1", m("50.00"), Money.ZERO),
                new MutualAidPayment("B2", m("130.00"), m("2870.00")));
        assertThat(r.setlinfo().acctMulaidPay()).isEqualTo(m("180.00"));
        assertThat(r.setlinfo().psnCashPay()).isEqualTo(m("300.00"));
    }

    @Test
    void ownAccountIsDeemedToCoverNonDiseaseLinesFirst() {
        Person p = new Person("99010000000000000096", "310", "1101", "2", d("1981-03-15"), Set.of(), m("100.00"),
                List.of(new Person.MutualAidBinder("B1", m("3000.00"))), Set.of(), null);

        SettlementResult r = BenefitEngine.settle(request(p, outpatient("11", CENTRAL_HOSPITAL, L2, "J06.900"), List.of(
                line("1", CONSULTATION, "1", "20.00"), line("2", CT, "1", "220.00"), line("3", HEALTH_CHECK, "1", "300.00"))));

        // psn_part 540; own 100 covers non-disease first, 200 of the check remains; mutual aid 540 − 100 − 200.
        assertThat(r.setlinfo().psnPartAmt()).isEqualTo(m("540.00"));
        assertThat(r.setlinfo().acctPay()).isEqualTo(m("340.00"));
        assertThat(r.setlinfo().acctMulaidPay()).isEqualTo(m("240.00"));
        assertThat(r.setlinfo().psnCashPay()).isEqualTo(m("200.00"));
        assertThat(r.setlinfo().balc()).isEqualTo(Money.ZERO);
    }

    @Test
    void mutualAidDoesNotPayInpatientSelfPay() {
        Visit withAccount = new Visit("21", "01", CENTRAL_HOSPITAL, L2, REGION, REGION, "K35.800", d("2026-03-05"),
                d("2026-03-10"), false, Money.ZERO, null, null, true);

        SettlementResult r = BenefitEngine.settle(request(wangFang(), withAccount, ONE_LINE));

        assertThat(r.setlinfo().acctPay()).isEqualTo(Money.ZERO);
        assertThat(r.setlinfo().psnCashPay()).isEqualTo(r.setlinfo().psnPartAmt());
    }

    @Test
    void withoutAcctUsedFlagTheAccountDoesNotPay() {
        Visit noAccount = Visit.local("11", EAST_COMMUNITY, L1, REGION, "J06.900", d("2026-03-10"), null, false);

        SettlementResult r = BenefitEngine.settle(request(zhangMin(), noAccount, List.of(line("1", CONSULTATION, "1", "20.00"))));

        assertThat(r.setlinfo().acctPay()).isEqualTo(Money.ZERO);
        assertThat(r.setlinfo().balc()).isEqualTo(m("3000.00"));
    }

    @Test
    void medTypeWithoutPoolIsRefused() {
        assertThatThrownBy(() -> BenefitEngine.settle(request(zhangMin(), outpatient("51", CENTRAL_HOSPITAL, L2, "O80.000"), ONE_LINE)))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NO_POOL);
                    assertThat(e.field()).isEqualTo("med_type");
                    assertThat(e.getMessage()).contains("51", "no pool");
                });
    }

    @Test
    void chronicOutpatientWithoutRecognitionIsRefused() {
        assertThatThrownBy(() -> BenefitEngine.settle(request(zhangMin(), outpatient("14", EAST_COMMUNITY, L1, "E11.900"), ONE_LINE)))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CHRONIC_NOT_RECOGNISED);
                    assertThat(e.getMessage()).contains("E11", "2503");
                });
    }

    @Test
    void settlementByQuotaIsRefused() {
        Visit quota = outpatient("11", EAST_COMMUNITY, L1, "J06.900").withSettlementWay("02");

        assertThatThrownBy(() -> BenefitEngine.settle(request(zhangMin(), quota, ONE_LINE)))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.SETTLEMENT_WAY_REFUSED);
                    assertThat(e.field()).isEqualTo("psn_setlway");
                });
    }

    @Test
    void policyOfAnotherYearIsRefused() {
        Visit nextYear = Visit.local("11", EAST_COMMUNITY, L1, REGION, "J06.900", d("2027-01-05"), null, true);

        assertThatThrownBy(() -> BenefitEngine.settle(request(zhangMin(), nextYear, ONE_LINE)))
                .isInstanceOfSatisfying(SettlementRefused.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_POLICY));
    }
}
