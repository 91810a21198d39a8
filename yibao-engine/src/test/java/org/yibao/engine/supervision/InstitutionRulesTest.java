package org.yibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yibao.engine.supervision.Fixtures.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;

/** Per-institution indicators: average length of stay against same-level peers, CT positive rate per quarter. */
class InstitutionRulesTest {

    private static List<Encounter> stays(String institution, int level, String region, int count, int days) {
        List<Encounter> list = new ArrayList<>();
        LocalDate adm = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < count; i++) {
            list.add(new Encounter(institution + "-" + i, "p" + i, institution, level, null, region, true, adm,
                    adm.plusDays(days), List.of(), List.of()));
        }
        return list;
    }

    private static List<Finding> indicators(String rule, List<Encounter> encounters) {
        return ENGINE.indicators(Set.of(rule), encounters);
    }

    @Test
    void averageStayAboveOneAndAHalfTimesSameLevelPeersIsFound() {
        List<Encounter> all = new ArrayList<>(stays("H99010000002", 2, "990100", 5, 13));   // 13 > 1.5 × 8
        all.addAll(stays("H99010000102", 2, "990100", 5, 8));
        all.addAll(stays("H99010000001", 3, "990100", 5, 4));    // another level: not a peer
        all.addAll(stays("H99020000002", 2, "990200", 5, 2));    // another region: not a peer
        assertThat(indicators("ZB0001", all)).singleElement().satisfies(f -> {
            assertThat(f.institutionCode()).isEqualTo("H99010000002");
            assertThat(f.content()).contains("13.0 天", "8.0 天", "1.63 倍");
            assertThat(f.amount()).isEqualTo(Money.ZERO);
            assertThat(f.encounterId()).isNull();
        });
    }

    @Test
    void averageStayOfExactlyOneAndAHalfTimesOrTooFewStaysIsNotFound() {
        List<Encounter> all = new ArrayList<>(stays("H99010000002", 2, "990100", 5, 12));   // exactly 1.5 × 8
        all.addAll(stays("H99010000102", 2, "990100", 5, 8));
        assertThat(indicators("ZB0001", all)).isEmpty();
        List<Encounter> few = new ArrayList<>(stays("H99010000002", 2, "990100", 4, 20));
        few.addAll(stays("H99010000102", 2, "990100", 5, 8));
        assertThat(indicators("ZB0001", few)).isEmpty();
    }

    private static List<Encounter> cts(String institution, LocalDate day, int positive, int negative) {
        List<Encounter> list = new ArrayList<>();
        for (int i = 0; i < positive + negative; i++) {
            Line ct = line("ct" + i, CT, day, "1", "180.00").withExamResult(i < positive);
            list.add(outpatient(institution + day + i, institution, 2, day, List.of(ct)));
        }
        return list;
    }

    @Test
    void ctPositiveRateOf25PercentInAQuarterIsTooLow() {
        List<Finding> f = indicators("ZB0002", cts(CENTRAL_HOSPITAL, LocalDate.of(2026, 2, 3), 5, 15));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.content()).contains("2026 年第 1 季度", "20 次", "阳性 5 次", "25.0%", "低于 30%");
            assertThat(x.amount()).isEqualTo(Money.of("2700.00"));   // 15 negative × 180.00
            assertThat(x.evidence()).hasSize(15);
        });
    }

    @Test
    void ctPositiveRateOf35PercentOrExactly30OrTooFewExamsIsNotFound() {
        assertThat(indicators("ZB0002", cts(CENTRAL_HOSPITAL, LocalDate.of(2026, 2, 3), 7, 13))).isEmpty();
        assertThat(indicators("ZB0002", cts(CENTRAL_HOSPITAL, LocalDate.of(2026, 2, 3), 6, 14))).isEmpty();
        assertThat(indicators("ZB0002", cts(CENTRAL_HOSPITAL, LocalDate.of(2026, 2, 3), 1, 18))).isEmpty();
    }

    @Test
    void quartersAreCountedSeparatelyAndUnreportedResultsAreLeftOut() {
        List<Encounter> all = new ArrayList<>(cts(CENTRAL_HOSPITAL, LocalDate.of(2026, 3, 31), 5, 10));
        all.addAll(cts(CENTRAL_HOSPITAL, LocalDate.of(2026, 4, 1), 0, 10));
        all.add(outpatient("U", CENTRAL_HOSPITAL, 2, LocalDate.of(2026, 3, 30), List.of(line("u", CT, LocalDate.of(2026, 3, 30), "1", "180.00"))));
        assertThat(indicators("ZB0002", all)).isEmpty();
    }
}
