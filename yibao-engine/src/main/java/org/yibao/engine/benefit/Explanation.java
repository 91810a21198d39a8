package org.yibao.engine.benefit;

import java.util.List;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Ratio;

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
    public record Step(String requirement, String policyKey, Text inputs, Money amount, Text text) {}

    /**
     * Words and amounts joined into one text when it is first read: a settlement keeps its explanation
     * as parts, and renders them only for whoever shows it (setl_proc_info, the console). Equal when the
     * rendered texts are equal.
     */
    public static final class Text implements CharSequence {

        private final Object[] parts;
        private String rendered;

        private Text(Object[] parts) {
            this.parts = parts;
        }

        /** The parts in order: strings, amounts, ratios, numbers, other texts. */
        public static Text of(Object... parts) {
            return new Text(parts);
        }

        @Override
        public String toString() {
            String r = rendered;
            if (r == null) {
                StringBuilder sb = new StringBuilder(16 * parts.length);
                for (Object part : parts) {
                    if (part instanceof Money m) {
                        m.appendTo(sb);
                    } else if (part instanceof Ratio ratio) {
                        ratio.appendTo(sb);
                    } else {
                        sb.append(part);
                    }
                }
                r = sb.toString();
                rendered = r;
            }
            return r;
        }

        public boolean isEmpty() {
            return toString().isEmpty();
        }

        @Override
        public int length() {
            return toString().length();
        }

        @Override
        public char charAt(int index) {
            return toString().charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && toString().equals(t.toString());
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }
    }

    public Step step(String requirement) {
        for (Step s : steps) {
            if (s.requirement().equals(requirement)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no step " + requirement);
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
