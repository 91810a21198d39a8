package org.yibao.engine.drg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a rule of the table language (README §4) against its context: list names resolve to the
 * lists of the rule's own MDC or ADRG, {@code OR_PROCEDURES} to the global valid-operation list, and a
 * list the context has no rows for is the empty list. A rule that does not parse stops the loading of
 * the tables, with the table, the row and the reason.
 */
final class RuleParser {

    static final String OR_PROCEDURES = "OR_PROCEDURES";

    private static final Pattern COMPARISON = Pattern.compile(
            "(sex|age_years|age_days|weight|los|n_dx|n_proc|n_regions\\(any_dx\\))(!=|<=|>=|=|<|>)(-?\\d{1,9})");

    private final List<String> tokens;
    private final Map<String, Set<String>> lists;
    private final Set<String> orProcedures;
    private final String owner;
    private int pos;

    private RuleParser(String text, Map<String, Set<String>> lists, Set<String> orProcedures, String owner) {
        this.tokens = tokenize(text);
        this.lists = lists;
        this.orProcedures = orProcedures;
        this.owner = owner;
    }

    /**
     * @param lists the code lists of the rule's context by list name
     * @param owner the MDC or ADRG code the lists belong to, used in explanations ("DX of GB1")
     */
    static Rule parse(String text, Map<String, Set<String>> lists, Set<String> orProcedures, String owner) {
        RuleParser p = new RuleParser(text, lists, orProcedures, owner);
        if (p.tokens.isEmpty()) {
            throw new IllegalArgumentException("empty rule");
        }
        Rule rule = p.expr();
        if (p.pos != p.tokens.size()) {
            throw new IllegalArgumentException("unexpected \"" + p.tokens.get(p.pos) + "\" in rule: " + text);
        }
        return rule;
    }

    private Rule expr() {
        List<Rule> parts = new ArrayList<>();
        parts.add(conj());
        while (peek("or")) {
            pos++;
            parts.add(conj());
        }
        return parts.size() == 1 ? parts.get(0) : new Rule.Or(List.copyOf(parts));
    }

    private Rule conj() {
        List<Rule> parts = new ArrayList<>();
        parts.add(unary());
        while (peek("and")) {
            pos++;
            parts.add(unary());
        }
        return parts.size() == 1 ? parts.get(0) : new Rule.And(List.copyOf(parts));
    }

    private Rule unary() {
        String t = next("a condition");
        if (t.equals("not")) {
            return new Rule.Not(unary());
        }
        if (t.equals("(")) {
            Rule inner = expr();
            String close = next("\")\"");
            if (!close.equals(")")) {
                throw new IllegalArgumentException("expected \")\" but found \"" + close + "\"");
            }
            return inner;
        }
        return atom(t);
    }

    private Rule atom(String t) {
        switch (t) {
            case "TRUE":
                return new Rule.Constant(true);
            case "FALSE":
                return new Rule.Constant(false);
            case "ALWAYS":
                return new Rule.Split(Rule.Split.Kind.ALWAYS);
            case "MCC":
                return new Rule.Split(Rule.Split.Kind.MCC);
            case "CC_OR_MCC":
                return new Rule.Split(Rule.Split.Kind.CC_OR_MCC);
            case "principal_dx":
                return membership(Rule.Selector.PRINCIPAL_DX);
            case "any_dx":
                return membership(Rule.Selector.ANY_DX);
            case "main_proc":
                return membership(Rule.Selector.MAIN_PROC);
            case "any_proc":
                return membership(Rule.Selector.ANY_PROC);
            default:
                return comparison(t);
        }
    }

    private Rule membership(Rule.Selector selector) {
        String in = next("\"in\"");
        if (!in.equals("in")) {
            throw new IllegalArgumentException("expected \"in\" after the selector but found \"" + in + "\"");
        }
        String list = next("a list name");
        if (list.equals(OR_PROCEDURES)) {
            return new Rule.Membership(selector, orProcedures, "the valid-operation list (OR_PROCEDURES)");
        }
        if (!list.matches("[A-Za-z_][A-Za-z0-9_:]*")) {
            throw new IllegalArgumentException("not a list name: \"" + list + "\"");
        }
        // README §4: a list the context has no rows for is empty, and "x in EMPTY" is false.
        return new Rule.Membership(selector, lists.getOrDefault(list, Set.of()), list + " of " + owner);
    }

    private Rule comparison(String t) {
        Matcher m = COMPARISON.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown condition \"" + t + "\"");
        }
        Rule.Op op = switch (m.group(2)) {
            case "=" -> Rule.Op.EQ;
            case "!=" -> Rule.Op.NE;
            case "<" -> Rule.Op.LT;
            case "<=" -> Rule.Op.LE;
            case ">" -> Rule.Op.GT;
            default -> Rule.Op.GE;
        };
        int value = Integer.parseInt(m.group(3));
        return switch (m.group(1)) {
            case "n_regions(any_dx)" -> new Rule.Regions(op, value);
            case "sex" -> {
                if (op != Rule.Op.EQ && op != Rule.Op.NE) {
                    throw new IllegalArgumentException("sex is compared with = or != only: " + t);
                }
                yield new Rule.Comparison(Rule.Field.SEX, op, value);
            }
            case "age_years" -> new Rule.Comparison(Rule.Field.AGE_YEARS, op, value);
            case "age_days" -> new Rule.Comparison(Rule.Field.AGE_DAYS, op, value);
            case "weight" -> new Rule.Comparison(Rule.Field.WEIGHT, op, value);
            case "los" -> new Rule.Comparison(Rule.Field.LOS, op, value);
            case "n_dx" -> new Rule.Comparison(Rule.Field.N_DX, op, value);
            default -> new Rule.Comparison(Rule.Field.N_PROC, op, value);
        };
    }

    private boolean peek(String word) {
        return pos < tokens.size() && tokens.get(pos).equals(word);
    }

    private String next(String expected) {
        if (pos >= tokens.size()) {
            throw new IllegalArgumentException("rule ends where " + expected + " was expected");
        }
        return tokens.get(pos++);
    }

    /**
     * Words are separated by spaces; a parenthesis that opens or closes a group is its own token, while the
     * parentheses inside {@code n_regions(any_dx)} stay part of their word.
     */
    static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            while (word.startsWith("(")) {
                out.add("(");
                word = word.substring(1);
            }
            int closing = 0;
            while (word.endsWith(")") && count(word, ')') > count(word, '(')) {
                word = word.substring(0, word.length() - 1);
                closing++;
            }
            if (!word.isEmpty()) {
                out.add(word);
            }
            for (int i = 0; i < closing; i++) {
                out.add(")");
            }
        }
        return out;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
