package org.yibao.engine.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The labelled anomaly generator on the demo knowledge base: every rule has planted positives and
 * negatives, finds all its positives and none of its negatives (precision and recall 1). The table it
 * prints is the one in docs/supervision-rules.md.
 */
class LabelledAnomaliesTest {

    @Test
    void everyRuleFindsAllPlantedPositivesAndNoPlantedNegatives() {
        SupervisionEngine engine = new SupervisionEngine(KnowledgeBase.demo());
        List<LabelledAnomalies.Score> scores = LabelledAnomalies.evaluate(engine, LabelledAnomalies.demo());
        Set<String> rules = engine.rules().stream().map(RuleDefinition::id).collect(Collectors.toSet());
        assertThat(scores.stream().map(LabelledAnomalies.Score::ruleId).collect(Collectors.toSet())).isEqualTo(rules);
        StringBuilder table = new StringBuilder("| rule | positives | negatives | TP | FP | FN | precision | recall |\n|---|---|---|---|---|---|---|---|\n");
        for (LabelledAnomalies.Score s : scores) {
            table.append("| ").append(s.ruleId()).append(" | ").append(s.positives()).append(" | ").append(s.negatives()).append(" | ")
                    .append(s.truePositives()).append(" | ").append(s.falsePositives()).append(" | ").append(s.falseNegatives()).append(" | ")
                    .append(s.precision().stripTrailingZeros().toPlainString()).append(" | ").append(s.recall().stripTrailingZeros().toPlainString())
                    .append(" |\n");
        }
        System.out.print(table);
        for (LabelledAnomalies.Score s : scores) {
            assertThat(s.positives()).as(s.ruleId() + " positives").isPositive();
            assertThat(s.negatives()).as(s.ruleId() + " negatives").isPositive();
            assertThat(s.truePositives()).as(s.ruleId() + " finds every planted positive").isEqualTo(s.positives());
            assertThat(s.falsePositives()).as(s.ruleId() + " finds no planted negative").isZero();
        }
    }

    @Test
    void aRuleThatMissesIsScoredSo() {
        // The same examples against a knowledge base whose readmission window is 10 days: the 14-day readmission is missed.
        java.util.Map<String, String> files = KnowledgeBaseRulesTest.demoFiles();
        files.put("rules.tsv", files.get("rules.tsv").replace("window_days=15", "window_days=10"));
        KnowledgeBase narrow = KnowledgeBase.parse(files::get);
        LabelledAnomalies.Score readmission = LabelledAnomalies.evaluate(new SupervisionEngine(narrow), LabelledAnomalies.demo()).stream()
                .filter(s -> s.ruleId().equals("GZ0301")).findFirst().orElseThrow();
        assertThat(readmission.truePositives()).isZero();
        assertThat(readmission.recall()).isEqualByComparingTo("0");
        assertThat(readmission.precision()).isEqualByComparingTo("1");
    }
}
