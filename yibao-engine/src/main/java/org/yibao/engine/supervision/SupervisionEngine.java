package org.yibao.engine.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Runs the rules of a knowledge base (R-SUP-1, R-SUP-2). Built once per knowledge base, then
 * immutable and thread-safe; a call allocates only its findings.
 */
public final class SupervisionEngine {

    private final List<Rule> rules;
    private final List<String> ids;

    public SupervisionEngine(KnowledgeBase kb) {
        List<Rule> built = new ArrayList<>();
        for (RuleDefinition d : kb.rules()) {
            built.add(Evaluators.create(d, kb));
        }
        this.rules = List.copyOf(built);
        this.ids = rules.stream().map(r -> r.definition().id()).toList();
    }

    /** The ids of every rule, in rule order (no allocation: the per-call path of 3101/3102 reads it). */
    public List<String> ids() {
        return ids;
    }

    public List<RuleDefinition> rules() {
        return rules.stream().map(Rule::definition).toList();
    }

    /** The ids of the rules of one shape, in rule order. */
    public Set<String> ruleIds(Shape shape) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (Rule r : rules) {
            if (r.shape() == shape) {
                ids.add(r.definition().id());
            }
        }
        return java.util.Collections.unmodifiableSet(ids);
    }

    public boolean hasRule(String id) {
        return rules.stream().anyMatch(r -> r.definition().id().equals(id));
    }

    /**
     * The findings of the line, visit and person rules that run in {@code stage} for {@code scene}
     * ({@code trig_scen}; ignored after settlement) on {@code current}, in rule order.
     *
     * @param ruleIds only these rules; empty = every rule of the stage
     * @param history the person's other visits (any order; {@code current} itself is skipped)
     */
    public List<Finding> analyse(Stage stage, String scene, Set<String> ruleIds, Patient patient, Encounter current,
                                 List<Encounter> history) {
        Rule.Subject subject = new Rule.Subject(stage, patient, current, history);
        List<Finding> findings = new ArrayList<>();
        for (Rule r : rules) {
            if (r.shape() != Shape.INSTITUTION && selected(r, stage, scene, ruleIds)) {
                r.check(subject, findings::add);
            }
        }
        return findings;
    }

    /** The findings of the institution indicators over {@code encounters} (after settlement). */
    public List<Finding> indicators(Set<String> ruleIds, Collection<Encounter> encounters) {
        List<Finding> findings = new ArrayList<>();
        for (Rule r : rules) {
            if (r.shape() == Shape.INSTITUTION && selected(r, Stage.POST, null, ruleIds)) {
                r.checkInstitutions(encounters, findings::add);
            }
        }
        return findings;
    }

    private static boolean selected(Rule r, Stage stage, String scene, Set<String> ruleIds) {
        return (ruleIds.isEmpty() || ruleIds.contains(r.definition().id())) && r.definition().runsIn(stage, scene);
    }
}
