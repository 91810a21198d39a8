package org.yibao.engine.drg;

import java.util.List;
import java.util.Set;

/**
 * A compiled rule of the table language (README §4): an MDC entry rule, an ADRG match rule or a DRG
 * split rule. Each rule can test a case and say, atom by atom, what it found, in words an HIS coder
 * reads ("principal diagnosis K35.800 (急性阑尾炎) is in DX of GB1").
 */
sealed interface Rule {

    boolean test(CaseFacts f);

    /** Appends one clause per atom, each saying what the case has and whether the atom holds. */
    void explain(CaseFacts f, List<String> out);

    enum Selector { PRINCIPAL_DX, ANY_DX, MAIN_PROC, ANY_PROC }

    enum Field {
        SEX("sex"), AGE_YEARS("age in years"), AGE_DAYS("age in days"), WEIGHT("birth weight (g)"),
        LOS("length of stay (days)"), N_DX("number of diagnoses"), N_PROC("number of procedures");

        final String words;

        Field(String words) {
            this.words = words;
        }
    }

    enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }
    }

    record Constant(boolean value) implements Rule {
        @Override
        public boolean test(CaseFacts f) {
            return value;
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            out.add(value ? "always applies" : "switched off in this version (FALSE)");
        }
    }

    /** {@code selector in LIST}; {@code label} names the list for people, e.g. "DX of GB1". */
    record Membership(Selector selector, Set<String> codes, String label) implements Rule {
        @Override
        public boolean test(CaseFacts f) {
            switch (selector) {
                case PRINCIPAL_DX:
                    return codes.contains(f.principal);
                case MAIN_PROC:
                    return f.procedures.length > 0 && codes.contains(f.procedures[0]);
                case ANY_DX:
                    return firstIn(f.diagnoses) != null;
                default:
                    return firstIn(f.procedures) != null;
            }
        }

        private String firstIn(String[] values) {
            for (String v : values) {
                if (codes.contains(v)) {
                    return v;
                }
            }
            return null;
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            DrgTables t = f.tables;
            switch (selector) {
                case PRINCIPAL_DX -> out.add("principal diagnosis " + t.describeDiagnosis(f.principal)
                        + (test(f) ? " is in " : " is not in ") + label);
                case MAIN_PROC -> out.add(f.procedures.length == 0 ? "there is no procedure, so no main procedure in " + label
                        : "main procedure " + t.describeProcedure(f.procedures[0]) + (test(f) ? " is in " : " is not in ") + label);
                case ANY_DX -> {
                    String hit = firstIn(f.diagnoses);
                    out.add(hit == null ? "no diagnosis is in " + label
                            : "diagnosis " + t.describeDiagnosis(hit) + " is in " + label);
                }
                case ANY_PROC -> {
                    String hit = firstIn(f.procedures);
                    out.add(hit == null ? "no procedure is in " + label
                            : "procedure " + t.describeProcedure(hit) + " is in " + label);
                }
            }
        }
    }

    record Comparison(Field field, Op op, int value) implements Rule {
        @Override
        public boolean test(CaseFacts f) {
            if (field == Field.SEX) {
                // README §4: sex=1 / sex=2 compare the normalised sex text.
                boolean equal = f.sex.equals(Integer.toString(value));
                return op == Op.EQ ? equal : op == Op.NE && !equal;
            }
            return op.holds(Integer.compare(f.field(field), value));
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            String actual = field == Field.SEX ? "\"" + f.sex + "\"" : Integer.toString(f.field(field));
            out.add(field.words + " is " + actual + (test(f) ? ", which meets " : ", which does not meet ")
                    + field.words + " " + op.symbol + " " + value);
        }
    }

    /** {@code n_regions(any_dx) OP n} (MDCZ). */
    record Regions(Op op, int value) implements Rule {
        @Override
        public boolean test(CaseFacts f) {
            return op.holds(Integer.compare(f.regions(), value));
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            out.add("the diagnoses cover " + f.regions() + " injured body region(s) " + f.regionNames()
                    + (test(f) ? ", which meets " : ", which does not meet ") + "regions " + op.symbol + " " + value);
        }
    }

    /** The DRG split predicates ALWAYS, MCC and CC_OR_MCC (README §6). */
    record Split(Kind kind) implements Rule {
        enum Kind { ALWAYS, MCC, CC_OR_MCC }

        @Override
        public boolean test(CaseFacts f) {
            return switch (kind) {
                case ALWAYS -> true;
                case MCC -> f.hasMcc();
                case CC_OR_MCC -> f.hasCcOrMcc();
            };
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            if (kind == Kind.ALWAYS) {
                out.add("no complication condition (the remaining DRG of the ADRG)");
                return;
            }
            boolean mccOnly = kind == Kind.MCC;
            List<String> counting = new java.util.ArrayList<>();
            List<String> excluded = new java.util.ArrayList<>();
            for (Complication c : f.tables.complications(f.source.diagnoses())) {
                if (mccOnly && c.kind() != Complication.Kind.MCC) {
                    continue;
                }
                String words = c.code() + " (" + c.kind() + ", exclusion table " + c.exclusionTable() + ")";
                (c.excluded() ? excluded : counting).add(words);
            }
            String what = mccOnly ? "major complication (MCC)" : "complication (CC or MCC)";
            String line = counting.isEmpty() ? "the case has no " + what + " that counts"
                    : "the case has a " + what + " that is not excluded: " + String.join(", ", counting);
            if (!excluded.isEmpty()) {
                line += "; excluded because the principal diagnosis has the same exclusion table "
                        + f.tables.exclusionTable(f.principal) + ": " + String.join(", ", excluded);
            }
            out.add(line);
        }
    }

    record Not(Rule inner) implements Rule {
        @Override
        public boolean test(CaseFacts f) {
            return !inner.test(f);
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            List<String> parts = new java.util.ArrayList<>();
            inner.explain(f, parts);
            out.add((test(f) ? "as required, it is not so that " : "the rule needs the opposite of: ") + String.join("; ", parts));
        }
    }

    record And(List<Rule> parts) implements Rule {
        @Override
        public boolean test(CaseFacts f) {
            for (Rule r : parts) {
                if (!r.test(f)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            for (Rule r : parts) {
                r.explain(f, out);
            }
        }
    }

    record Or(List<Rule> parts) implements Rule {
        @Override
        public boolean test(CaseFacts f) {
            for (Rule r : parts) {
                if (r.test(f)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void explain(CaseFacts f, List<String> out) {
            List<String> alternatives = new java.util.ArrayList<>();
            for (Rule r : parts) {
                List<String> one = new java.util.ArrayList<>();
                r.explain(f, one);
                alternatives.add("(" + String.join(" and ", one) + (r.test(f) ? ": met)" : ": not met)"));
            }
            out.add("one of " + String.join(" or ", alternatives));
        }
    }
}
