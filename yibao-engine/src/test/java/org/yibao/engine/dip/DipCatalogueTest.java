package org.yibao.engine.dip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yibao.engine.money.Money;

/** R-PAY-3: core and comprehensive groups, the 1:2:7 weighting and the scores, to the fen. */
class DipCatalogueTest {

    private static int serial;

    private static List<DipCase> cases(int n, int year, String dx, String proc, String cost) {
        List<DipCase> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new DipCase("C" + (++serial), year, dx, proc, Money.of(cost)));
        }
        return out;
    }

    @Test
    void aGroupWithFifteenCasesIsCoreAndOneWithFourteenFoldsIntoItsComprehensiveGroup() {
        List<DipCase> history = new ArrayList<>(cases(15, 2025, "K35.800", "47.0100", "3000.00"));
        history.addAll(cases(14, 2025, "J18.900", null, "500.00"));
        DipCatalogue c = DipCatalogue.build(2025, history);
        assertThat(c.byCode()).containsOnlyKeys("K35.8/47.0100", "J18/NONE");
        assertThat(c.byCode().get("K35.8/47.0100").kind()).isEqualTo(DipCatalogue.Kind.CORE);
        assertThat(c.byCode().get("K35.8/47.0100").cases()).isEqualTo(15);
        assertThat(c.byCode().get("J18/NONE").kind()).isEqualTo(DipCatalogue.Kind.COMPREHENSIVE);
        assertThat(c.byCode().get("J18/NONE").cases()).isEqualTo(14);

        List<DipCase> fourteen = cases(14, 2025, "K35.800", "47.0100", "3000.00");
        DipCatalogue small = DipCatalogue.build(2025, fourteen);
        assertThat(small.byCode()).containsOnlyKeys("K35/SURGICAL");
        assertThat(small.groupOf(fourteen.get(0)).orElseThrow().kind()).isEqualTo(DipCatalogue.Kind.COMPREHENSIVE);
    }

    @Test
    void theCoreThresholdCountsCasesOfEveryHistoryYearUnweighted() {
        List<DipCase> history = new ArrayList<>(cases(5, 2023, "K35.800", "47.0100", "1000.00"));
        history.addAll(cases(5, 2024, "K35.800", "47.0100", "2000.00"));
        history.addAll(cases(5, 2025, "K35.800", "47.0100", "3000.00"));
        assertThat(DipCatalogue.build(2025, history).byCode().get("K35.8/47.0100").kind()).isEqualTo(DipCatalogue.Kind.CORE);
    }

    @Test
    void historyIsWeightedOneTwoSevenOldestFirstAndAMissingYearDropsOut() {
        assertThat(DipCatalogue.weight(2023, 2025)).isEqualTo(1);
        assertThat(DipCatalogue.weight(2024, 2025)).isEqualTo(2);
        assertThat(DipCatalogue.weight(2025, 2025)).isEqualTo(7);
        // (1 × 1000 + 2 × 2000 + 7 × 3000) ÷ 10
        List<DipCase> three = new ArrayList<>(cases(2, 2023, "K35.800", null, "1000.00"));
        three.addAll(cases(3, 2024, "K35.800", null, "2000.00"));
        three.addAll(cases(1, 2025, "K35.800", null, "3000.00"));
        assertThat(DipCatalogue.weightedMean(three, 2025)).isEqualTo(Money.of("2600.00"));
        // The per-year mean is weighted, not the cases: many cheap cases of 2023 weigh 1 all the same.
        List<DipCase> skewed = new ArrayList<>(cases(50, 2023, "K35.800", null, "100.00"));
        skewed.addAll(cases(1, 2025, "K35.800", null, "1100.00"));
        assertThat(DipCatalogue.weightedMean(skewed, 2025)).isEqualTo(Money.of("975.00"));
        // No case in 2023: (2 × 2000 + 7 × 3000) ÷ 9 = 2777.777… → 2777.78 half-up.
        List<DipCase> two = new ArrayList<>(cases(1, 2024, "K35.800", null, "2000.00"));
        two.addAll(cases(1, 2025, "K35.800", null, "3000.00"));
        assertThat(DipCatalogue.weightedMean(two, 2025)).isEqualTo(Money.of("2777.78"));
        assertThatThrownBy(() -> DipCatalogue.weight(2022, 2025)).hasMessageContaining("2023–2025");
        assertThatThrownBy(() -> DipCatalogue.weight(2026, 2025)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoresAreGroupMeanOverTheMeanOfAllCasesTimesAThousandToFourDecimals() {
        List<DipCase> history = new ArrayList<>(cases(5, 2023, "K35.800", "47.0100", "1000.00"));
        history.addAll(cases(5, 2024, "K35.800", "47.0100", "2000.00"));
        history.addAll(cases(5, 2025, "K35.800", "47.0100", "3000.00"));
        history.addAll(cases(14, 2025, "J18.900", null, "500.00"));
        history.addAll(cases(1, 2025, "J18.000", null, "800.00"));
        DipCatalogue c = DipCatalogue.build(2025, history);
        // All cases: 2023 mean 1000, 2024 mean 2000, 2025 mean (15000 + 7000 + 800) ÷ 20 = 1140 → (1000 + 4000 + 7980) ÷ 10.
        assertThat(c.meanCost()).isEqualTo(Money.of("1298.00"));
        DipCatalogue.Group appendix = c.byCode().get("K35.8/47.0100");
        assertThat(appendix.meanCost()).isEqualTo(Money.of("2600.00"));
        assertThat(appendix.score()).isEqualByComparingTo("2003.0817");
        // J18.9/- (14) and J18.0/- (1) both fold into J18/NONE: 7800 ÷ 15 = 520.
        DipCatalogue.Group pneumonia = c.byCode().get("J18/NONE");
        assertThat(pneumonia.cases()).isEqualTo(15);
        assertThat(pneumonia.meanCost()).isEqualTo(Money.of("520.00"));
        assertThat(pneumonia.score()).isEqualByComparingTo("400.6163");

        assertThat(c.groupOf(new DipCase("x", 2026, "K35.801", "47.0100", Money.of("1")))).contains(appendix);
        assertThat(c.groupOf(new DipCase("y", 2026, "J18.900", null, Money.of("1")))).contains(pneumonia);
        // No core group and no comprehensive group K35/SURGICAL for another procedure: not in the catalogue.
        assertThat(c.groupOf(new DipCase("z", 2026, "K35.800", "47.0900", Money.of("1")))).isEmpty();
    }

    @Test
    void procedureTypesComeFromTheIcd9Chapter() {
        assertThat(ProcedureType.of(null)).isEqualTo(ProcedureType.NONE);
        assertThat(ProcedureType.of(" ")).isEqualTo(ProcedureType.NONE);
        assertThat(ProcedureType.of("47.0100")).isEqualTo(ProcedureType.SURGICAL);
        assertThat(ProcedureType.of("00.6600")).isEqualTo(ProcedureType.SURGICAL);
        assertThat(ProcedureType.of("86.2200")).isEqualTo(ProcedureType.SURGICAL);
        assertThat(ProcedureType.of("87.4400")).isEqualTo(ProcedureType.DIAGNOSTIC);
        assertThat(ProcedureType.of("91.3900")).isEqualTo(ProcedureType.DIAGNOSTIC);
        assertThat(ProcedureType.of("92.2900")).isEqualTo(ProcedureType.THERAPEUTIC);
        assertThat(ProcedureType.of("99.2100")).isEqualTo(ProcedureType.THERAPEUTIC);
        assertThatThrownBy(() -> ProcedureType.of("X1.00")).hasMessageContaining("two digits");
    }

    @Test
    void aCatalogueNeedsCasesWithACostInsideItsThreeYears() {
        assertThatThrownBy(() -> DipCatalogue.build(2025, List.of())).hasMessageContaining("no history cases");
        assertThatThrownBy(() -> DipCatalogue.build(2025, cases(1, 2021, "K35.800", null, "10.00"))).hasMessageContaining("2021");
        assertThatThrownBy(() -> DipCatalogue.build(2025, cases(1, 2025, "K35.800", null, "0.00"))).hasMessageContaining("no positive cost");
    }
}
