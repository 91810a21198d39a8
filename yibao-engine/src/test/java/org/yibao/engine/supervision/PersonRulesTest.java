package org.yibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.supervision.Fixtures.*;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;

/** Per-person time windows: split hospitalisation, concurrent care, chronic over-supply, repeated imaging. */
class PersonRulesTest {

    private static final LocalDate DISCHARGED = LocalDate.of(2026, 3, 10);
    private static final Encounter FIRST_STAY = stay("S1", CENTRAL_HOSPITAL, 2, LocalDate.of(2026, 3, 1), DISCHARGED,
            List.of("J18.900"), List.of(line("a", BED, LocalDate.of(2026, 3, 1), "1", "60.00")));

    private static Encounter readmission(int daysAfter, String diagnosis, String institution) {
        LocalDate adm = DISCHARGED.plusDays(daysAfter);
        return stay("S2", institution, 2, adm, null, List.of(diagnosis), List.of(line("b", BED, adm, "1", "60.00")));
    }

    @Test
    void readmissionToTheSameHospitalAfterFourteenDaysIsSplitHospitalisation() {
        assertThat(post("GZ0301", LI_QIANG, readmission(14, "J18.900", CENTRAL_HOSPITAL), FIRST_STAY)).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.SUSPECT);
                    assertThat(f.content()).contains("14 天后", "不超过 15 天");
                    assertThat(f.evidence()).extracting(Evidence::encounterId).containsExactly("S1", "S2");
                    assertThat(f.amount()).isEqualTo(Money.of("60.00"));
                });
    }

    @Test
    void readmissionAfterFifteenDaysIsStillFoundAndAfterSixteenIsNot() {
        assertThat(post("GZ0301", LI_QIANG, readmission(15, "J18.900", CENTRAL_HOSPITAL), FIRST_STAY)).hasSize(1);
        assertThat(post("GZ0301", LI_QIANG, readmission(16, "J18.900", CENTRAL_HOSPITAL), FIRST_STAY)).isEmpty();
    }

    @Test
    void readmissionElsewhereOrForDialysisOrChemotherapyIsNotSplit() {
        assertThat(post("GZ0301", LI_QIANG, readmission(3, "J18.900", FIRST_HOSPITAL), FIRST_STAY)).isEmpty();
        assertThat(post("GZ0301", LI_QIANG, readmission(3, "N18.500", CENTRAL_HOSPITAL), FIRST_STAY)).isEmpty();
        assertThat(post("GZ0301", LI_QIANG, readmission(3, "Z51.102", CENTRAL_HOSPITAL), FIRST_STAY)).isEmpty();
        Encounter dialysis = readmission(3, "J18.900", CENTRAL_HOSPITAL);
        dialysis = dialysis.withLines(List.of(line("d", DIALYSIS, dialysis.admissionDate(), "1", "420.00")));
        assertThat(post("GZ0301", LI_QIANG, dialysis, FIRST_STAY)).isEmpty();
    }

    @Test
    void outpatientVisitInsideAStayElsewhereIsConcurrentCare() {
        Encounter clinic = outpatient("O1", WEST_COMMUNITY, 1, LocalDate.of(2026, 3, 5), List.of(line("c", OUTPATIENT_CONSULTATION,
                LocalDate.of(2026, 3, 5), "1", "20.00")));
        assertThat(post("GZ0302", LI_QIANG, clinic, FIRST_STAY)).singleElement().satisfies(f -> {
            assertThat(f.amount()).isEqualTo(Money.of("20.00"));
            assertThat(f.content()).contains("住院期间", WEST_COMMUNITY, "门诊就诊");
        });
        // Before settlement the stay itself is told about the outpatient visit; after, only the later visit reports.
        assertThat(analyse(Stage.DURING, "GZ0302", LI_QIANG, FIRST_STAY, List.of(clinic))).hasSize(1);
        assertThat(post("GZ0302", LI_QIANG, FIRST_STAY, clinic)).isEmpty();
    }

    @Test
    void outpatientVisitOnTheAdmissionOrDischargeDayIsNotConcurrent() {
        for (LocalDate day : List.of(LocalDate.of(2026, 3, 1), DISCHARGED, DISCHARGED.plusDays(1))) {
            Encounter clinic = outpatient("O1", WEST_COMMUNITY, 1, day, List.of(line("c", OUTPATIENT_CONSULTATION, day, "1", "20.00")));
            assertThat(post("GZ0302", LI_QIANG, clinic, FIRST_STAY)).as(day.toString()).isEmpty();
        }
    }

    @Test
    void overlappingStaysInTwoCitiesAreConcurrentAndATransferOnTheDischargeDayIsNot() {
        Encounter elsewhere = new Encounter("S9", "p", "H98010000001", 3, null, "980100", true, LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 3, 20), List.of(), List.of());
        assertThat(post("GZ0302", LI_QIANG, elsewhere, FIRST_STAY)).singleElement()
                .satisfies(f -> assertThat(f.content()).contains("时间重叠", "H98010000001"));
        Encounter transfer = new Encounter("S9", "p", "H98010000001", 3, null, "980100", true, DISCHARGED,
                LocalDate.of(2026, 3, 20), List.of(), List.of());
        assertThat(post("GZ0302", LI_QIANG, transfer, FIRST_STAY)).isEmpty();
    }

    private static Encounter pharmacy(String id, LocalDate day, String code, int days) {
        return outpatient(id, "P99010000001", 0, day, List.of(line(id + "l", code, day, "1", "30.00").withDaysSupplied(days)));
    }

    @Test
    void moreThan108DaysOfOneDrugIn90DaysIsOverSupply() {
        LocalDate d = LocalDate.of(2026, 6, 1);
        // 28 + 28 + 28 + 28 = 112 > 108 (1.2 × 90); metformin's reference and generated codes are one drug.
        Encounter today = pharmacy("R4", d, METFORMIN, 28);
        List<Finding> f = post("GZ0303", LI_QIANG, today, pharmacy("R1", d.minusDays(89), "XA10BAG000B000000100001", 28),
                pharmacy("R2", d.minusDays(60), METFORMIN, 28), pharmacy("R3", d.minusDays(30), METFORMIN, 28));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.content()).contains("112 天用量", "超过 108 天", "二甲双胍");
            assertThat(x.amount()).isEqualTo(Money.of("30.00"));
            assertThat(x.evidence()).hasSize(4);
        });
    }

    @Test
    void exactly108DaysOrAPrescriptionOutsideTheWindowOrAnotherDrugIsNotOverSupply() {
        LocalDate d = LocalDate.of(2026, 6, 1);
        assertThat(post("GZ0303", LI_QIANG, pharmacy("R4", d, METFORMIN, 24), pharmacy("R1", d.minusDays(89), METFORMIN, 28),
                pharmacy("R2", d.minusDays(60), METFORMIN, 28), pharmacy("R3", d.minusDays(30), METFORMIN, 28))).isEmpty();
        assertThat(post("GZ0303", LI_QIANG, pharmacy("R4", d, METFORMIN, 28), pharmacy("R1", d.minusDays(90), METFORMIN, 28),
                pharmacy("R2", d.minusDays(60), METFORMIN, 28), pharmacy("R3", d.minusDays(30), METFORMIN, 28))).isEmpty();
        assertThat(post("GZ0303", LI_QIANG, pharmacy("R4", d, VALSARTAN, 28), pharmacy("R1", d.minusDays(89), METFORMIN, 28),
                pharmacy("R2", d.minusDays(60), METFORMIN, 28), pharmacy("R3", d.minusDays(30), METFORMIN, 28))).isEmpty();
    }

    @Test
    void afterSettlementTheCurrentVisitAmongItsOwnHistoryIsCountedOnce() {
        // The run after settlement hands a person's whole list of visits as history, the current one included.
        LocalDate d = LocalDate.of(2026, 6, 1);
        Encounter today = pharmacy("R3", d, METFORMIN, 36);
        List<Encounter> visits = List.of(pharmacy("R1", d.minusDays(60), METFORMIN, 36), pharmacy("R2", d.minusDays(30), METFORMIN, 36), today);
        assertThat(analyse(Stage.POST, "GZ0303", LI_QIANG, today, visits)).isEmpty();
        Encounter more = pharmacy("R3", d, METFORMIN, 37);
        assertThat(analyse(Stage.POST, "GZ0303", LI_QIANG, more, List.of(visits.get(0), visits.get(1), more)))
                .singleElement().satisfies(x -> assertThat(x.content()).contains("109 天用量"));
    }

    private static Encounter ctAt(String id, String institution, int level, LocalDate day) {
        return outpatient(id, institution, level, day, List.of(line(id + "ct", CT, day, "1", "180.00")));
    }

    @Test
    void ctRepeatedWithinSevenDaysInsideTheCityAllianceIsFound() {
        LocalDate d = LocalDate.of(2026, 4, 10);
        assertThat(post("GZ0304", LI_QIANG, ctAt("C2", FIRST_HOSPITAL, 3, d), ctAt("C1", CENTRAL_HOSPITAL, 2, d.minusDays(7))))
                .singleElement().satisfies(f -> {
                    assertThat(f.amount()).isEqualTo(Money.of("180.00"));
                    assertThat(f.content()).contains("前 7 天", "同一医联体的 " + CENTRAL_HOSPITAL);
                });
    }

    @Test
    void ctAfterEightDaysOrOutsideTheAllianceIsNotARepeat() {
        LocalDate d = LocalDate.of(2026, 4, 10);
        assertThat(post("GZ0304", LI_QIANG, ctAt("C2", FIRST_HOSPITAL, 3, d), ctAt("C1", CENTRAL_HOSPITAL, 2, d.minusDays(8)))).isEmpty();
        assertThat(post("GZ0304", LI_QIANG, ctAt("C2", FIRST_HOSPITAL, 3, d), ctAt("C1", WEST_COMMUNITY, 1, d.minusDays(2)))).isEmpty();
        // The later exam reports, the earlier does not (a pair is found once).
        assertThat(post("GZ0304", LI_QIANG, ctAt("C1", CENTRAL_HOSPITAL, 2, d.minusDays(2)), ctAt("C2", FIRST_HOSPITAL, 3, d))).isEmpty();
    }
}
