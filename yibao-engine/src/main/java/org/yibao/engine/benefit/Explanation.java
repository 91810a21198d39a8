package org.yibao.engine.benefit;

import java.util.List;
import org.yibao.engine.money.Money;

/**
 * How a settlement was computed, step by step, kept next to the computation (STYLE "explain, don't
 * just compute"); {@link #toChinese()} renders {@code setl_proc_info}.
 */
public record Explanation(List<Step> steps) {

    public Explanation {
        steps = List.copyOf(steps);
    }

    /**
     * One step.
     *
     * @param requirement  requirement id, e.g. {@code R-SET-4.3.2}
     * @param policyKey    the policy value used, e.g. {@code pools.inpatient.resident.ratio.L3}; empty when none
     * @param inputs       the inputs in words and numbers
     * @param amount       the amount the step produced (may be null for a ratio step)
     * @param text         the step in Chinese
     */
    public record Step(String requirement, String policyKey, String inputs, Money amount, String text) {}

    public Step step(String requirement) {
        return steps.stream().filter(s -> s.requirement().equals(requirement)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + requirement));
    }

    /** One numbered line per step, in Chinese. */
    public String toChinese() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            sb.append(i + 1).append(". ").append(steps.get(i).text()).append('\n');
        }
        return sb.toString();
    }
}
