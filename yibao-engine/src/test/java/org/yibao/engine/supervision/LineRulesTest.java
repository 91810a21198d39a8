package org.yibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.supervision.Fixtures.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;

/** Per-line lookups of the demo knowledge base (R-SUP-2: sex/age-restricted items, over-limit days supplied, level). */
class LineRulesTest {

    @Test
    void maleOnlyDrugForAWomanIsADefiniteViolationOfTheWholeLine() {
        Encounter visit = outpatient("V1", CENTRAL_HOSPITAL, 2, D, List.of(line("L1", FINASTERIDE, D, "1", "45.50")));
        List<Finding> findings = post("GZ0101", ZHANG_MIN, visit);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.DEFINITE);
            assertThat(f.amount()).isEqualTo(Money.of("45.50"));
            assertThat(f.content()).contains("限男性使用", "患者为女性");
            assertThat(f.evidence()).extracting(Evidence::lineId).containsExactly("L1");
        });
    }

    @Test
    void maleOnlyDrugForAManIsClean() {
        Encounter visit = outpatient("V1", CENTRAL_HOSPITAL, 2, D, List.of(line("L1", FINASTERIDE, D, "1", "45.50")));
        assertThat(post("GZ0101", LI_QIANG, visit)).isEmpty();
    }

    @Test
    void sexRuleStaysSilentWhenTheSexIsUnknown() {
        Encounter visit = outpatient("V1", CENTRAL_HOSPITAL, 2, D, List.of(line("L1", FINASTERIDE, D, "1", "45.50")));
        assertThat(post("GZ0101", new Patient("x", null, null, null), visit)).isEmpty();
    }

    @Test
    void childrensMedicineUpToFourteenIsFoundForAFifteenYearOldOnly() {
        Encounter visit = outpatient("V1", EAST_COMMUNITY, 1, D, List.of(line("L1", PAEDIATRIC_COLD, D, "1", "12.00")));
        Patient fourteen = new Patient("c14", "1", D.minusYears(15).plusDays(1), null);
        Patient fifteen = new Patient("c15", "1", D.minusYears(15), null);
        assertThat(post("GZ0102", fourteen, visit)).isEmpty();
        assertThat(post("GZ0102", fifteen, visit)).singleElement()
                .satisfies(f -> assertThat(f.content()).contains("限 14 岁及以下", "患者 15 岁"));
    }

    @Test
    void levelTwoAntibioticAtACommunityCentreIsFoundAndAtTheCentralHospitalIsNot() {
        Line cefuroxime = line("L1", CEFUROXIME, D, "2", "31.20");
        assertThat(post("GZ0103", LI_QIANG, outpatient("V1", EAST_COMMUNITY, 1, D, List.of(cefuroxime))))
                .singleElement().satisfies(f -> {
                    assertThat(f.content()).contains("限二级及以上医疗机构", "本机构为一级");
                    assertThat(f.amount()).isEqualTo(Money.of("31.20"));
                });
        assertThat(post("GZ0103", LI_QIANG, outpatient("V2", CENTRAL_HOSPITAL, 2, D, List.of(cefuroxime)))).isEmpty();
    }

    @Test
    void amoxicillinForTenDaysIsThreeDaysOverItsSevenAndTheirShareIsInvolved() {
        Line tenDays = line("L1", AMOXICILLIN, D, "2", "20.00").withDaysSupplied(10);
        assertThat(post("GZ0104", LI_QIANG, outpatient("V1", EAST_COMMUNITY, 1, D, List.of(tenDays)))).singleElement()
                .satisfies(f -> {
                    assertThat(f.amount()).isEqualTo(Money.of("6.00"));   // 20.00 × 3/10
                    assertThat(f.content()).contains("最多 7 天", "开具 10 天", "超出 3 天");
                });
    }

    @Test
    void amoxicillinForExactlySevenDaysOrWithoutDaysIsClean() {
        Line seven = line("L1", AMOXICILLIN, D, "2", "20.00").withDaysSupplied(7);
        Line unknown = line("L2", AMOXICILLIN, D, "2", "20.00");
        assertThat(post("GZ0104", LI_QIANG, outpatient("V1", EAST_COMMUNITY, 1, D, List.of(seven, unknown)))).isEmpty();
    }

    @Test
    void chronicDrugsHaveNoDaysLimit() {
        Line longRx = line("L1", METFORMIN, D, "6", "90.00").withDaysSupplied(84);
        assertThat(post("GZ0104", LI_QIANG, outpatient("V1", EAST_COMMUNITY, 1, D, List.of(longRx)))).isEmpty();
    }

    @Test
    void itemsWithoutRestrictionsAreClean() {
        Encounter visit = outpatient("V1", EAST_COMMUNITY, 1, LocalDate.of(2026, 3, 2),
                List.of(line("L1", OUTPATIENT_CONSULTATION, D, "1", "20.00"), line("L2", INFUSION_SET, D, "1", "3.50")));
        for (String rule : List.of("GZ0101", "GZ0102", "GZ0103", "GZ0104")) {
            assertThat(post(rule, CHILD, visit)).as(rule).isEmpty();
        }
    }
}
