package org.yibao.engine.supervision;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * One rule of the knowledge base ({@code rules.tsv}): which evaluator runs it and with what.
 *
 * @param id            national style ({@code GZ…} rule, {@code ZB…} indicator) or local
 * @param evaluator     the generic evaluator (see {@link Evaluators})
 * @param nameZh        规则名称 as answered in {@code rule_name}
 * @param behaviourType {@code vola_bhvr_type} (demo-local codes, docs/supervision-rules.md)
 * @param stages        事前 / 事中 / 事后 stages the rule runs in
 * @param scenes        {@code trig_scen} values it runs for at 3101/3102; empty = every scene
 * @param params        the evaluator's parameters (numbers, names of item sets)
 */
public record RuleDefinition(String id, String evaluator, String nameZh, String nameEn, Severity severity,
                             String behaviourType, Set<Stage> stages, Set<String> scenes, Map<String, String> params) {

    public RuleDefinition {
        stages = Set.copyOf(stages);
        scenes = Set.copyOf(scenes);
        params = Map.copyOf(params);
    }

    public boolean runsIn(Stage stage, String scene) {
        return stages.contains(stage) && (stage == Stage.POST || scenes.isEmpty() || scene == null || scenes.contains(scene));
    }

    String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("rule " + id + ": parameter " + name + " missing");
        }
        return v;
    }

    int intParam(String name) {
        return Integer.parseInt(param(name));
    }

    BigDecimal decimalParam(String name) {
        return new BigDecimal(param(name));
    }
}
