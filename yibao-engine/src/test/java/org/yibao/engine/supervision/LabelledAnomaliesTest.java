package org.yibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: on the labelled generator's output every rule finds all planted positives and no planted
 * negatives, and nothing on the clean background traffic.
 */
class LabelledAnomaliesTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 5);

    @Test
    void everyRuleFindsEveryPlantedPositiveAndNothingElse() {
        LabelledAnomalies.World world = LabelledAnomalies.generate(20261123L, 12, 400, START);
        List<LabelledAnomalies.Score> scores = LabelledAnomalies.evaluate(Fixtures.ENGINE, world);

        assertThat(scores).extracting(LabelledAnomalies.Score::ruleId)
                .containsExactlyElementsOf(Fixtures.ENGINE.rules().stream().map(RuleDefinition::id).toList());
        for (LabelledAnomalies.Score s : scores) {
            assertThat(s.plantedPositives()).as(s.ruleId() + " planted positives").isEqualTo(12);
            assertThat(s.plantedNegatives()).as(s.ruleId() + " planted negatives").isEqualTo(12);
            assertThat(s.truePositives()).as(s.ruleId() + " found positives").isEqualTo(12);
            assertThat(s.falsePositives()).as(s.ruleId() + " false positives").isZero();
            assertThat(s.foundNegatives()).as(s.ruleId() + " planted negatives found").isZero();
            assertThat(s.precision()).isEqualByComparingTo("1");
            assertThat(s.recall()).isEqualByComparingTo("1");
        }
    }

    @Test
    void otherSeedsPlantOtherDatesAndAmountsWithTheSameResult() {
        for (long seed : new long[] {1, 2, 3}) {
            LabelledAnomalies.World world = LabelledAnomalies.generate(seed, 5, 100, START.plusDays(seed * 40));
            assertThat(LabelledAnomalies.evaluate(Fixtures.ENGINE, world))
                    .allSatisfy(s -> assertThat(List.of(s.truePositives(), s.falsePositives())).as(s.ruleId()).containsExactly(5, 0));
        }
    }

    @Test
    void aRuleThatMissesItsPositivesOrFlagsItsNegativesIsScoredSo() {
        LabelledAnomalies.World world = LabelledAnomalies.generate(7L, 6, 50, START);
        // A stricter readmission window (13 days) misses the 14-day readmissions; a looser one (17) finds the 16-day ones too.
        Map<String, LabelledAnomalies.Score> strict = score(world, "window_days=15", "window_days=13");
        assertThat(strict.get("GZ0301").truePositives()).isZero();
        assertThat(strict.get("GZ0301").recall()).isEqualByComparingTo("0");
        Map<String, LabelledAnomalies.Score> loose = score(world, "window_days=15", "window_days=17");
        assertThat(loose.get("GZ0301").recall()).isEqualByComparingTo("1");
        assertThat(loose.get("GZ0301").foundNegatives()).isPositive();
        assertThat(loose.get("GZ0301").precision()).isLessThan(java.math.BigDecimal.ONE);
    }

    @Test
    void theWorldHasBackgroundTrafficAndDistinctSubjects() {
        LabelledAnomalies.World world = LabelledAnomalies.generate(11L, 3, 200, START);
        assertThat(world.patients()).hasSizeGreaterThan(200);
        assertThat(world.encounters()).isGreaterThan(600);
        assertThat(world.plants()).hasSize(15 * 3 * 2);
        assertThat(world.plants().stream().map(p -> p.ruleId() + "/" + p.subject()).distinct().count()).isEqualTo(world.plants().size());
    }

    @Test
    void aPlacementPutsTheSameExamplesOnGivenInstitutionsWithTheSameResult() {
        LabelledAnomalies.Placement demo = new LabelledAnomalies.Placement("990100", "A1", "H99010000003", "H99010000002",
                "H99010000001", "H99010038001", "H99020000001", "990200", 3,
                (positive, n) -> new LabelledAnomalies.PeerGroup("990121", positive ? 2 : 1, "H99012138" + (positive ? "1" : "2") + n + "0",
                        "H99012138" + (positive ? "1" : "2") + n + "1", "H99012138" + (positive ? "1" : "2") + n + "2"),
                (positive, n) -> "H99010038" + (positive ? "2" : "3") + n + "0");
        LabelledAnomalies.World world = LabelledAnomalies.generate(5L, 1, 30, START, demo);

        java.util.Set<String> institutions = world.visits().values().stream().flatMap(List::stream)
                .map(Encounter::institutionCode).collect(Collectors.toSet());
        assertThat(institutions).contains("H99010000001", "H99010000002", "H99010000003", "H99010038001", "H99020000001",
                "H99012138100", "H99012138202", "H99010038200", "H99010038300").noneMatch(c -> c.startsWith("LAB"));
        assertThat(world.visits().values().stream().flatMap(List::stream).filter(e -> e.institutionCode().equals("H99020000001")))
                .allSatisfy(e -> assertThat(List.of(e.regionCode(), e.institutionLevel())).containsExactly("990200", 3));
        assertThat(LabelledAnomalies.evaluate(Fixtures.ENGINE, world))
                .allSatisfy(s -> assertThat(List.of(s.plantedPositives(), s.truePositives(), s.falsePositives())).as(s.ruleId())
                        .containsExactly(1, 1, 0));
    }

    @Test
    void aLengthOfStayExampleIsAdmittedWithinOneQuarterAsTheRunAfterSettlementComparesPerQuarter() {
        LabelledAnomalies.World world = LabelledAnomalies.generate(13L, 4, 20, START);
        for (LabelledAnomalies.Plant plant : world.plants()) {
            if (!plant.ruleId().equals("ZB0001")) {
                continue;
            }
            String region = plant.subject().substring(0, plant.subject().length() - 1);
            java.util.Set<String> quarters = world.visits().values().stream().flatMap(List::stream)
                    .filter(e -> region.equals(e.regionCode()))
                    .map(e -> e.admissionDate().getYear() + "Q" + ((e.admissionDate().getMonthValue() - 1) / 3 + 1))
                    .collect(Collectors.toSet());
            assertThat(quarters).as(plant.subject()).hasSize(1);
        }
    }

    /** The demo knowledge base with one parameter of GZ0301 replaced. */
    private static Map<String, LabelledAnomalies.Score> score(LabelledAnomalies.World world, String from, String to) {
        Map<String, String> files = Fixtures.demoFiles();
        files.put("rules.tsv", files.get("rules.tsv").replace(from, to));
        KnowledgeBase kb = KnowledgeBase.parse(files::get);
        return LabelledAnomalies.evaluate(new SupervisionEngine(kb), world).stream()
                .collect(Collectors.toMap(LabelledAnomalies.Score::ruleId, s -> s));
    }
}
