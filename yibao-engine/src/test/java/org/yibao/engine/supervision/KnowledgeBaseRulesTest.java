package org.yibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo knowledge base covers R-SUP-2; malformed tables are refused with the file, the line and the reason. */
class KnowledgeBaseRulesTest {

    @Test
    void demoKnowledgeBaseHasARuleOfEveryEvaluatorAndEveryRuleOfRSup2() {
        KnowledgeBase kb = Fixtures.KB;
        assertThat(kb.rules()).extracting(RuleDefinition::id).containsExactly("GZ0101", "GZ0102", "GZ0103", "GZ0104",
                "GZ0201", "GZ0202", "GZ0203", "GZ0204", "GZ0205", "GZ0301", "GZ0302", "GZ0303", "GZ0304", "ZB0001", "ZB0002");
        assertThat(kb.rules().stream().map(RuleDefinition::evaluator).collect(Collectors.toSet()))
                .isEqualTo(Evaluators.names());
        assertThat(kb.set("bed_only").contains("13012345678" + "0000")).isTrue();   // a generated Ⅰ级护理 code
        assertThat(kb.set("bed_only").contains("13212345678" + "0000")).isFalse();  // 重症监护 is care
    }

    @Test
    void stagesAndScenesSelectTheRules() {
        RuleDefinition hanging = Fixtures.KB.rules().stream().filter(r -> r.id().equals("GZ0204")).findFirst().orElseThrow();
        assertThat(hanging.runsIn(Stage.DURING, "4")).isTrue();
        assertThat(hanging.runsIn(Stage.DURING, "1")).isFalse();
        assertThat(hanging.runsIn(Stage.PRE, "4")).isFalse();
        assertThat(hanging.runsIn(Stage.POST, null)).isTrue();
    }

    private static void refused(String file, String appended, String reason) {
        Map<String, String> files = Fixtures.demoFiles();
        String text = files.get(file);
        int line = (int) text.lines().count() + 1;
        files.put(file, text + appended + "\n");
        assertThatThrownBy(() -> KnowledgeBase.parse(files::get))
                .isInstanceOfSatisfying(KnowledgeTableException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).contains(reason);
                });
    }

    @Test
    void malformedTablesAreRefusedWithTheLineAndTheReason() {
        refused("restrictions.tsv", "XA1\t3\t\t\t\t\tx", "sex must be 1 (male) or 2 (female)");
        refused("restrictions.tsv", "XA1\t\t60\t18\t\t\tx", "min_age 60 is above max_age 18");
        refused("restrictions.tsv", "XA1\t\t\t\t\t\tx", "no restriction given");
        refused("restrictions.tsv", "XJ01DCT013B002010101003\t\t\t\t3\t\tx", "appears twice");
        refused("pairs.tsv", "A1\tA1\tDAY\tx", "two different codes");
        refused("pairs.tsv", "A1\tB1\tWEEK\tx", "scope must be DAY or VISIT");
        refused("frequency.tsv", "A1\tmany\t\tx", "max_per_day must be a whole number");
        refused("item_sets.tsv", "ct\tCT 平扫\t\tx", "code must be letters");
        refused("rules.tsv", "GZ9\tNO_SUCH\tx\tx\tDEFINITE\tPOST\t*\t1\t", "evaluator NO_SUCH is unknown");
        refused("rules.tsv", "GZ9\tBED_ONLY_DAYS\tx\tx\tDEFINITE\tPOST\t*\t1\titems=bed_only", "needs parameter min_days");
        refused("rules.tsv", "GZ9\tBED_ONLY_DAYS\tx\tx\tDEFINITE\tPOST\t*\t1\titems=no_set;min_days=3", "item set no_set is not in item_sets.tsv");
        refused("rules.tsv", "GZ9\tSUPPLY_WINDOW\tx\tx\tDEFINITE\tPOST\t*\t1\titems=chronic_drugs;window_days=90;max_ratio=-1", "max_ratio must be positive");
        refused("rules.tsv", "GZ9\tOUTSIDE_STAY\tx\tx\tCERTAIN\tPOST\t*\t1\t", "severity must be DEFINITE or SUSPECT");
        refused("rules.tsv", "GZ9\tOUTSIDE_STAY\tx\tx\tDEFINITE\tLATER\t*\t1\t", "stage must be PRE, DURING or POST");
        refused("rules.tsv", "GZ9\tOUTSIDE_STAY\tx\tx\tDEFINITE\tPOST\t11\t1\t", "scene must be a trig_scen");
        refused("rules.tsv", "GZ0101\tOUTSIDE_STAY\tx\tx\tDEFINITE\tPOST\t*\t1\t", "rule_id GZ0101 appears twice");
    }

    @Test
    void aMissingFileIsRefused() {
        Map<String, String> files = Fixtures.demoFiles();
        files.remove("bundles.tsv");
        assertThatThrownBy(() -> KnowledgeBase.parse(files::get)).hasMessage("bundles.tsv:0: file missing");
    }

    @Test
    void unselectedRulesDoNotRun() {
        Encounter visit = Fixtures.outpatient("V1", Fixtures.EAST_COMMUNITY, 1, Fixtures.D,
                java.util.List.of(Fixtures.line("L1", Fixtures.FINASTERIDE, Fixtures.D, "1", "45.50")));
        assertThat(Fixtures.ENGINE.analyse(Stage.PRE, "2", Set.of("GZ0102"), Fixtures.ZHANG_MIN, visit, java.util.List.of())).isEmpty();
        assertThat(Fixtures.ENGINE.analyse(Stage.PRE, "2", Set.of(), Fixtures.ZHANG_MIN, visit, java.util.List.of()))
                .extracting(Finding::ruleId).containsExactly("GZ0101");
    }

    @Test
    void aRulesFingerprintChangesWithItsRowAndTheTablesItReadsOnly() {
        Map<String, String> before = Fixtures.KB.fingerprints();
        Map<String, String> files = Fixtures.demoFiles();
        // A lower frequency limit: the frequency rule changes, the restriction and readmission rules do not.
        files.put("frequency.tsv", files.get("frequency.tsv").replace("001102000010000\t1\t", "001102000010000\t1\t3"));
        Map<String, String> lowered = KnowledgeBase.parse(files::get).fingerprints();
        assertThat(lowered.get("GZ0203")).isNotEqualTo(before.get("GZ0203"));
        assertThat(lowered.get("GZ0101")).isEqualTo(before.get("GZ0101"));
        assertThat(lowered.get("GZ0301")).isEqualTo(before.get("GZ0301"));
        // A parameter of one rule's row: that rule only.
        files.put("rules.tsv", files.get("rules.tsv").replace("window_days=15;", "window_days=16;"));
        Map<String, String> widened = KnowledgeBase.parse(files::get).fingerprints();
        assertThat(widened.get("GZ0301")).isNotEqualTo(before.get("GZ0301"));
        assertThat(widened.get("GZ0304")).isEqualTo(before.get("GZ0304"));
        // An item set read by several rules changes each of them.
        files.put("item_sets.tsv", files.get("item_sets.tsv") + "imaging\tX1\t\tx\n");
        Map<String, String> sets = KnowledgeBase.parse(files::get).fingerprints();
        assertThat(sets.get("GZ0304")).isNotEqualTo(before.get("GZ0304"));
        assertThat(sets.get("ZB0002")).isNotEqualTo(before.get("ZB0002"));
        assertThat(sets.get("GZ0302")).isEqualTo(before.get("GZ0302"));
    }

    @Test
    void theEngineAnswersItsRuleIdsInRuleOrderAndRunsOnlyTheGivenSubsetAfterSettlement() {
        assertThat(Fixtures.ENGINE.ids()).startsWith("GZ0101", "GZ0102").endsWith("ZB0002").hasSize(15);
        assertThat(Evaluators.tablesRead("FREQUENCY")).containsExactly("frequency.tsv");
        assertThat(Evaluators.tablesRead("CONCURRENT_CARE")).isEmpty();
        Encounter visit = Fixtures.outpatient("V1", Fixtures.EAST_COMMUNITY, 1, Fixtures.D,
                java.util.List.of(Fixtures.line("L1", Fixtures.FINASTERIDE, Fixtures.D, "1", "45.50")));
        assertThat(Fixtures.ENGINE.analyse(Stage.POST, null, Set.of("GZ0203"), Fixtures.ZHANG_MIN, visit, java.util.List.of())).isEmpty();
        assertThat(Fixtures.ENGINE.analyse(Stage.POST, null, Set.of("GZ0101"), Fixtures.ZHANG_MIN, visit, java.util.List.of()))
                .extracting(Finding::ruleId).containsExactly("GZ0101");
    }
}
