package org.yibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.supervision.Fixtures.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;

/** Per-visit aggregates: duplicate pairs, decomposed charging, frequency, hanging bed, charges outside the stay. */
class VisitRulesTest {

    @Test
    void outpatientConsultationOnADayWithWardConsultationIsDuplicateCharging() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of("K35.800"),
                List.of(line("L1", WARD_CONSULTATION, D, "1", "30.00").named("住院诊查费"),
                        line("L2", OUTPATIENT_CONSULTATION, D, "1", "20.00").named("普通门诊诊查费")));
        assertThat(post("GZ0201", LI_QIANG, stay)).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualTo(Money.of("20.00"));
            assertThat(f.severity()).isEqualTo(Severity.DEFINITE);
            assertThat(f.content()).contains("普通门诊诊查费", "住院诊查费", "同一天");
            assertThat(f.evidence()).extracting(Evidence::lineId).containsExactly("L2");
        });
    }

    @Test
    void thePairOnDifferentDaysAndANonPairAreClean() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of(),
                List.of(line("L1", WARD_CONSULTATION, D.plusDays(1), "1", "30.00"), line("L2", OUTPATIENT_CONSULTATION, D, "1", "20.00"),
                        line("L3", BED, D, "1", "60.00"), line("L4", CT, D, "1", "180.00")));
        assertThat(post("GZ0201", LI_QIANG, stay)).isEmpty();
    }

    @Test
    void bedAndSingleRoomBedOnOneDayMatchTheGeneratedCodeByPrefix() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of(),
                List.of(line("L1", BED, D, "1", "60.00"), line("L2", SINGLE_ROOM_BED, D, "1", "150.00")));
        assertThat(post("GZ0201", LI_QIANG, stay)).singleElement()
                .satisfies(f -> assertThat(f.amount()).isEqualTo(Money.of("150.00")));
    }

    @Test
    void sutureChargedOnTheDayOfAnAppendectomyIsDecomposedCharging() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of("K35.800"),
                List.of(line("L1", APPENDECTOMY, D, "1", "1200.00"), line("L2", SUTURE, D, "1", "80.00"),
                        line("L3", SUTURE, D.plusDays(2), "1", "80.00")));
        assertThat(post("GZ0202", LI_QIANG, stay)).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualTo(Money.of("80.00"));
            assertThat(f.evidence()).extracting(Evidence::lineId).containsExactly("L2");
        });
    }

    @Test
    void sutureWithoutTheSurgeryIsNotDecomposed() {
        Encounter visit = outpatient("V1", CENTRAL_HOSPITAL, 2, D, List.of(line("L2", SUTURE, D, "1", "80.00")));
        assertThat(post("GZ0202", LI_QIANG, visit)).isEmpty();
    }

    @Test
    void twoBedDaysChargedOnOneDayExceedTheDailyLimitByOne() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of(),
                List.of(line("L1", BED, D, "1", "60.00"), line("L2", BED, D, "1", "60.00"), line("L3", BED, D.plusDays(1), "1", "60.00")));
        assertThat(post("GZ0203", LI_QIANG, stay)).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualTo(Money.of("60.00"));
            assertThat(f.content()).contains("每日最多收取 1 次", "收取 2 次", "超出 1 次");
        });
    }

    @Test
    void aRefundLineNetsOutTheSecondBedDay() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of(),
                List.of(line("L1", BED, D, "1", "60.00"), line("L2", BED, D, "1", "60.00"), line("L3", BED, D, "-1", "-60.00")));
        assertThat(post("GZ0203", LI_QIANG, stay)).isEmpty();
    }

    @Test
    void secondOutpatientConsultationInOneVisitIsOverThePerVisitLimit() {
        Encounter visit = outpatient("V1", EAST_COMMUNITY, 1, D,
                List.of(line("L1", OUTPATIENT_CONSULTATION, D, "2", "40.00")));
        assertThat(post("GZ0203", LI_QIANG, visit)).singleElement()
                .satisfies(f -> assertThat(f.amount()).isEqualTo(Money.of("20.00")));
    }

    @Test
    void threeBedOnlyDaysAreAHangingBedAndTwoAreNot() {
        List<Line> three = new ArrayList<>(List.of(line("T0", CT, D, "1", "180.00")));
        three.addAll(bedOnlyDays(D.plusDays(1), 3, "B"));
        three.add(line("T4", APPENDECTOMY, D.plusDays(4), "1", "1200.00"));
        Encounter hanging = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(5), List.of(), three);
        assertThat(post("GZ0204", LI_QIANG, hanging)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.SUSPECT);
            assertThat(f.amount()).isEqualTo(Money.of("345.00"));   // 3 × (60 + 30 + 25)
            assertThat(f.content()).contains("连续 3 天", D.plusDays(1).toString(), D.plusDays(3).toString());
            assertThat(f.evidence()).hasSize(9);
        });

        List<Line> two = new ArrayList<>(List.of(line("T0", CT, D, "1", "180.00")));
        two.addAll(bedOnlyDays(D.plusDays(1), 2, "B"));
        two.add(line("T3", APPENDECTOMY, D.plusDays(3), "1", "1200.00"));
        two.addAll(bedOnlyDays(D.plusDays(5), 2, "C"));   // a gap day (no charge) breaks the run
        Encounter treated = stay("S2", CENTRAL_HOSPITAL, 2, D, D.plusDays(7), List.of(), two);
        assertThat(post("GZ0204", LI_QIANG, treated)).isEmpty();
    }

    @Test
    void hangingBedIsAnInpatientRule() {
        Encounter visit = outpatient("V1", CENTRAL_HOSPITAL, 2, D, bedOnlyDays(D, 3, "B"));
        assertThat(post("GZ0204", LI_QIANG, visit)).isEmpty();
    }

    @Test
    void chargesAfterDischargeAndAfterDeathAreOutsideTheStay() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of(),
                List.of(line("L1", BED, D, "1", "60.00"), line("L2", BED, D.plusDays(3), "1", "60.00"),
                        line("L3", CT, D.plusDays(4), "1", "180.00"), line("L4", BED, D.minusDays(1), "1", "60.00")));
        assertThat(post("GZ0205", LI_QIANG, stay)).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualTo(Money.of("240.00"));
            assertThat(f.evidence()).extracting(Evidence::lineId).containsExactly("L3", "L4");
        });
        Patient died = new Patient(LI_QIANG.id(), "1", LI_QIANG.birthDate(), D.plusDays(1));
        Encounter open = stay("S2", CENTRAL_HOSPITAL, 2, D, null, List.of(),
                List.of(line("L1", BED, D.plusDays(1), "1", "60.00"), line("L2", BED, D.plusDays(2), "1", "60.00")));
        assertThat(post("GZ0205", died, open)).singleElement().satisfies(f -> {
            assertThat(f.content()).contains("患者死亡（" + D.plusDays(1) + "）之后");
            assertThat(f.evidence()).extracting(Evidence::lineId).containsExactly("L2");
        });
    }

    @Test
    void chargesWithinTheStayAreClean() {
        Encounter stay = stay("S1", CENTRAL_HOSPITAL, 2, D, D.plusDays(3), List.of(), bedOnlyDays(D, 4, "B"));
        assertThat(post("GZ0205", LI_QIANG, stay)).isEmpty();
    }
}
