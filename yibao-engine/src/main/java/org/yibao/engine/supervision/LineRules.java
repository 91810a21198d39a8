package org.yibao.engine.supervision;

import java.util.List;
import java.util.function.Consumer;
import org.yibao.engine.money.Money;
import org.yibao.engine.supervision.KnowledgeBase.Restriction;

/** Per-line lookups (单条明细规则): each line against {@code restrictions.tsv}. */
final class LineRules {

    private LineRules() {}

    private static final String[] LEVEL_NAMES = {"", "一级", "二级", "三级"};

    /**
     * 限性别 / 限年龄 / 限医疗机构级别: parameter {@code check} = {@code sex}, {@code age} or {@code level}
     * picks the column. A line of an item restricted to the other sex, outside its age range, or given
     * at an institution below its level is not payable by the fund: the whole line is involved.
     */
    static final class Restricted extends Rule {
        private final CodeTable<Restriction> table;
        private final String check;

        Restricted(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.LINE);
            this.table = kb.restrictions();
            this.check = d.param("check");
            if (!List.of("sex", "age", "level").contains(check)) {
                throw new IllegalArgumentException("parameter check must be sex, age or level, got " + check);
            }
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            for (Line l : e.lines()) {
                Restriction r = table.find(l.itemCode());
                if (r == null) {
                    continue;
                }
                String problem = switch (check) {
                    case "sex" -> sexProblem(r, s.patient());
                    case "age" -> ageProblem(r, s.patient().ageOn(l.serviceDate()));
                    default -> levelProblem(r, e.institutionLevel());
                };
                if (problem != null) {
                    out.accept(finding("「" + l.label() + "」" + problem + "，不属于医保基金支付范围。", l.amount(), s,
                            List.of(evidence(e, l, l.amount(), problem))));
                }
            }
        }

        private static String sexProblem(Restriction r, Patient p) {
            if (r.sex() == null || p.sex() == null || r.sex().equals(p.sex())) {
                return null;
            }
            return "限" + ("1".equals(r.sex()) ? "男" : "女") + "性使用，患者为" + ("1".equals(p.sex()) ? "男" : "女") + "性";
        }

        private static String ageProblem(Restriction r, int age) {
            if (age < 0) {
                return null;
            }
            if (r.minAge() != null && age < r.minAge()) {
                return "限 " + r.minAge() + " 岁及以上使用，患者 " + age + " 岁";
            }
            if (r.maxAge() != null && age > r.maxAge()) {
                return "限 " + r.maxAge() + " 岁及以下使用，患者 " + age + " 岁";
            }
            return null;
        }

        private static String levelProblem(Restriction r, Integer level) {
            if (r.minLevel() == null || level == null || level >= r.minLevel()) {
                return null;
            }
            return "限" + LEVEL_NAMES[r.minLevel()] + "及以上医疗机构使用，本机构为" + LEVEL_NAMES[Math.max(0, Math.min(3, level))];
        }
    }

    /**
     * 超限定天数给药: a drug with a maximum days supplied ({@code restrictions.max_days}) prescribed for
     * more days; the involved amount is the share of the line beyond the limit.
     */
    static final class DaysSupplied extends Rule {
        private final CodeTable<Restriction> table;

        DaysSupplied(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.LINE);
            this.table = kb.restrictions();
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            for (Line l : e.lines()) {
                if (l.daysSupplied() == null) {
                    continue;
                }
                Restriction r = table.find(l.itemCode());
                if (r == null || r.maxDays() == null || l.daysSupplied() <= r.maxDays()) {
                    continue;
                }
                int over = l.daysSupplied() - r.maxDays();
                Money amount = share(l.amount(), over, l.daysSupplied());
                String why = "限定最多 " + r.maxDays() + " 天用量，本次开具 " + l.daysSupplied() + " 天，超出 " + over + " 天";
                out.accept(finding("「" + l.label() + "」" + why + "，超出部分 " + amount + " 元不予支付。", amount, s,
                        List.of(evidence(e, l, amount, why))));
            }
        }
    }
}
