package org.yibao.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.policy.DemoPolicy.m;
import static org.yibao.engine.policy.DemoPolicy.r;

import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;

class RegionPolicyTest {

    final RegionPolicy policy = DemoPolicy.region990100();

    @Test
    void medTypesMapToTheirPoolsAndOthersAreRefusedWithAMessage() {
        assertThat(policy.poolFor("13").orElseThrow().kind()).isEqualTo(PoolKind.GENERAL_OUTPATIENT);
        assertThat(policy.poolFor("14").orElseThrow().kind()).isEqualTo(PoolKind.CHRONIC);
        assertThat(policy.poolFor("24").orElseThrow().kind()).isEqualTo(PoolKind.INPATIENT);
        assertThat(policy.poolFor("41").orElseThrow().personalAccountOnly()).isTrue();
        assertThat(policy.poolFor("9901")).isEmpty();
        assertThat(policy.medTypeRefusal("9901")).contains("this med_type has no pool in region 990100");
        assertThat(policy.medTypeRefusal("77")).contains("this med_type is not settled in region 990100");
        assertThat(policy.medTypeRefusal("11")).isEmpty();
        assertThat(policy.refusals().settlementWayRefusal("02")).isPresent();
        assertThat(policy.refusals().settlementWayRefusal("01")).isEmpty();
    }

    @Test
    void personsFallIntoTheirCategories() {
        assertThat(policy.categoryOf("310", "1102").orElseThrow().key()).isEqualTo("in_service");
        assertThat(policy.categoryOf("310", "1203").orElseThrow().key()).isEqualTo("retired");
        assertThat(policy.categoryOf("390", "1501").orElseThrow().basicFundPayType()).isEqualTo("390100");
        assertThat(policy.categoryOf("390", "1101")).isEmpty();
        assertThat(policy.categoryOf("310", "1501")).isEmpty();
    }

    @Test
    void laterAdmissionsPayHalfTheDeductibleOfTheirLevel() {
        Deductible d = policy.pool(PoolKind.INPATIENT).orElseThrow().terms("resident").orElseThrow().deductible();
        assertThat(d.forAdmission(InstitutionLevel.L3, false)).isEqualTo(m("800.00"));
        assertThat(d.forAdmission(InstitutionLevel.L3, true)).isEqualTo(m("400.00"));
        assertThat(d.forAdmission(InstitutionLevel.L1, true)).isEqualTo(m("100.00"));
    }

    @Test
    void chronicDiseaseMatchesByPrefixWithTermsPerInsutype() {
        ChronicDisease e11 = policy.chronicDiseaseFor("E11.900").orElseThrow();
        assertThat(e11.key()).isEqualTo("E11");
        assertThat(e11.termsFor("310").orElseThrow().ratio()).isEqualTo(r("0.60"));
        assertThat(policy.chronicDiseaseFor("N18.500").orElseThrow().termsFor("390").orElseThrow().yearlyCap()).isEqualTo(m("80000"));
        assertThat(policy.chronicDiseaseFor("J45.000")).isEmpty();
    }

    @Test
    void seriousIllnessBandsPaySixtyThenSeventyPercent() {
        SupplementaryLayer hifmi = policy.layer("hifmi").orElseThrow();
        assertThat(hifmi.banded(m("15000"))).isEqualTo(Money.ZERO);
        assertThat(hifmi.banded(m("25000"))).isEqualTo(m("6000.00"));
        assertThat(hifmi.banded(m("125000"))).isEqualTo(m("67000.00"));
        assertThat(hifmi.covers("390", PoolKind.CHRONIC)).isTrue();
        assertThat(hifmi.covers("310", PoolKind.INPATIENT)).isFalse();
        assertThat(policy.layer("maf").orElseThrow().covers("310", PoolKind.PHARMACY)).isFalse();
    }

    @Test
    void adjustedRatioIsClampedByThePolicyBounds() {
        var bounds = policy.ratioAdjustments().bounds();
        assertThat(bounds.clamp(r("0.95").plus(policy.ratioAdjustments().familyDoctor()))).isEqualTo(r("0.95"));
        assertThat(bounds.clamp(r("0.10").plus(policy.ratioAdjustments().crossRegion().otherTemporary()))).isEqualTo(r("0"));
    }
}
