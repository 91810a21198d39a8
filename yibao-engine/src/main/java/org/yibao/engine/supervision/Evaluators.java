package org.yibao.engine.supervision;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The generic evaluators by name (column {@code evaluator} of {@code rules.tsv}) and the parameters
 * each needs. A rule is an evaluator plus its knowledge tables and parameters; adding a rule of an
 * existing shape is a row, not code.
 */
public final class Evaluators {

    private Evaluators() {}

    /** An evaluator: the parameters it needs, the knowledge tables it reads (besides its rule row) and how it is built. */
    private record Spec(Set<String> required, Set<String> tables, BiFunction<RuleDefinition, KnowledgeBase, Rule> factory) {}

    private static final Set<String> NONE = Set.of();
    private static final Set<String> SETS = Set.of("item_sets.tsv");

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("RESTRICTION", new Spec(Set.of("check"), Set.of("restrictions.tsv"), LineRules.Restricted::new)),
            Map.entry("DAYS_SUPPLIED", new Spec(Set.of(), Set.of("restrictions.tsv"), LineRules.DaysSupplied::new)),
            Map.entry("EXCLUSIVE_PAIR", new Spec(Set.of(), Set.of("pairs.tsv"), VisitRules.ExclusivePair::new)),
            Map.entry("BUNDLE_COMPONENT", new Spec(Set.of(), Set.of("bundles.tsv"), VisitRules.BundleComponent::new)),
            Map.entry("FREQUENCY", new Spec(Set.of(), Set.of("frequency.tsv"), VisitRules.FrequencyLimit::new)),
            Map.entry("BED_ONLY_DAYS", new Spec(Set.of("items", "min_days"), SETS, VisitRules.BedOnlyDays::new)),
            Map.entry("OUTSIDE_STAY", new Spec(Set.of(), NONE, VisitRules.OutsideStay::new)),
            Map.entry("READMISSION", new Spec(Set.of("window_days", "exclude_diagnoses", "exclude_items"), SETS, PersonRules.Readmission::new)),
            Map.entry("CONCURRENT_CARE", new Spec(Set.of(), NONE, PersonRules.ConcurrentCare::new)),
            Map.entry("SUPPLY_WINDOW", new Spec(Set.of("items", "window_days", "max_ratio"), SETS, PersonRules.SupplyWindow::new)),
            Map.entry("REPEATED_EXAM", new Spec(Set.of("items", "window_days"), SETS, PersonRules.RepeatedExam::new)),
            Map.entry("LOS_PEERS", new Spec(Set.of("max_ratio", "min_stays"), NONE, InstitutionRules.LengthOfStayAgainstPeers::new)),
            Map.entry("POSITIVE_RATE", new Spec(Set.of("items", "min_rate", "min_exams"), SETS, InstitutionRules.PositiveRate::new)));

    public static Set<String> names() {
        return SPECS.keySet();
    }

    /**
     * The knowledge tables (file names of {@link KnowledgeBase#FILES}, besides {@code rules.tsv}) an
     * evaluator reads: what, with its rule row, decides a rule's findings.
     */
    public static Set<String> tablesRead(String evaluator) {
        Spec spec = SPECS.get(evaluator);
        if (spec == null) {
            throw new IllegalArgumentException("evaluator " + evaluator + " is unknown");
        }
        return spec.tables();
    }

    /** The rule of {@code definition}; {@link IllegalArgumentException} naming what is wrong. */
    public static Rule create(RuleDefinition definition, KnowledgeBase kb) {
        Spec spec = SPECS.get(definition.evaluator());
        if (spec == null) {
            throw new IllegalArgumentException("evaluator " + definition.evaluator() + " is unknown; known: "
                    + String.join(", ", new java.util.TreeSet<>(SPECS.keySet())));
        }
        for (String p : spec.required()) {
            if (!definition.params().containsKey(p)) {
                throw new IllegalArgumentException("evaluator " + definition.evaluator() + " needs parameter " + p);
            }
        }
        for (Map.Entry<String, String> p : definition.params().entrySet()) {
            String k = p.getKey();
            String v = p.getValue();
            if (k.endsWith("_days") || k.startsWith("min_stays") || k.equals("min_exams")) {
                try {
                    if (Integer.parseInt(v) < 1) {
                        throw new IllegalArgumentException("parameter " + k + " must be at least 1, got " + v);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("parameter " + k + " must be a whole number, got " + v);
                }
            } else if (k.endsWith("_ratio") || k.endsWith("_rate")) {
                try {
                    if (new BigDecimal(v).signum() <= 0) {
                        throw new IllegalArgumentException("parameter " + k + " must be positive, got " + v);
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("parameter " + k + " must be a decimal number, got " + v);
                }
            }
        }
        return spec.factory().apply(definition, kb);
    }
}
