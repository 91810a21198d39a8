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

    static Map<String, String> demoFiles() {
        Map<String, String> files = new HashMap<>();
        for (String f : KnowledgeBase.FILES) {
            try (var in = KnowledgeBase.class.getResourceAsStream("/supervision/demo/" + f)) {
                files.put(f, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return files;
    }

    private static void refused(String file, String appended, String reason) {
        Map<String, String> files = demoFiles();
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
        Map<String, String> files = demoFiles();
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
}
