package org.yibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.yibao.engine.money.Money;
import org.yibao.engine.money.Quantity;
import org.yibao.engine.supervision.KnowledgeBase.BundleComponent;
import org.yibao.engine.supervision.KnowledgeBase.Frequency;
import org.yibao.engine.supervision.KnowledgeBase.Pair;
import org.yibao.engine.supervision.KnowledgeBase.SetMember;

/** Per-visit aggregates (单次就诊规则): the lines of one visit together. */
final class VisitRules {

    private VisitRules() {}

    static boolean matches(String key, String code) {
        return key.endsWith("*") ? code.startsWith(key.substring(0, key.length() - 1)) : key.equals(code);
    }

    /**
     * 重复收费: two items that may not be charged together ({@code pairs.tsv}), on one day or in one
     * visit. The second item's lines are the amount involved; the first item is named in the content.
     */
    static final class ExclusivePair extends Rule {
        private final CodeTable<List<Pair>> pairs;

        ExclusivePair(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.VISIT);
            this.pairs = kb.pairs();
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            Map<Pair, List<Line>> firsts = new LinkedHashMap<>();
            for (Line a : e.lines()) {
                List<Pair> ps = a.amount().isPositive() ? pairs.find(a.itemCode()) : null;
                if (ps != null) {
                    for (Pair p : ps) {
                        firsts.computeIfAbsent(p, k -> new ArrayList<>()).add(a);
                    }
                }
            }
            for (Map.Entry<Pair, List<Line>> entry : firsts.entrySet()) {
                Pair p = entry.getKey();
                List<Line> as = entry.getValue();
                List<Evidence> evidence = new ArrayList<>();
                List<Line> seconds = new ArrayList<>();
                for (Line b : e.lines()) {
                    if (!b.amount().isPositive() || !matches(p.codeB(), b.itemCode()) || as.contains(b)) {
                        continue;
                    }
                    Line a = as.stream().filter(x -> !p.sameDay() || x.serviceDate().equals(b.serviceDate())).findFirst().orElse(null);
                    if (a != null) {
                        seconds.add(b);
                        evidence.add(evidence(e, b, b.amount(), "与「" + a.label() + "」（" + a.id() + "）"
                                + (p.sameDay() ? "同日（" + b.serviceDate() + "）" : "同次就诊") + "收取"));
                    }
                }
                if (!seconds.isEmpty()) {
                    Money amount = sum(seconds);
                    out.accept(finding("「" + seconds.get(0).label() + "」与「" + as.get(0).label() + "」不能"
                            + (p.sameDay() ? "在同一天" : "在同一次就诊中") + "同时收取"
                            + (p.reason() == null ? "" : "（" + p.reason() + "）") + "，重复收费 " + amount + " 元。", amount, s, evidence));
                }
            }
        }
    }

    /**
     * 分解收费: an item whose price already includes a component ({@code bundles.tsv}), charged on the
     * same day as that component charged separately; the component lines are the amount involved.
     */
    static final class BundleComponent extends Rule {
        private final CodeTable<List<KnowledgeBase.BundleComponent>> bundles;

        BundleComponent(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.VISIT);
            this.bundles = kb.bundles();
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            for (Line bundle : e.lines()) {
                List<KnowledgeBase.BundleComponent> components = bundle.amount().isPositive() ? bundles.find(bundle.itemCode()) : null;
                if (components == null) {
                    continue;
                }
                List<Line> parts = new ArrayList<>();
                List<Evidence> evidence = new ArrayList<>();
                for (Line c : e.lines()) {
                    if (c == bundle || !c.amount().isPositive() || !c.serviceDate().equals(bundle.serviceDate())) {
                        continue;
                    }
                    for (KnowledgeBase.BundleComponent bc : components) {
                        if (matches(bc.component(), c.itemCode())) {
                            parts.add(c);
                            evidence.add(evidence(e, c, c.amount(), "已包含在「" + bundle.label() + "」（" + bundle.id() + "）中"
                                    + (bc.reason() == null ? "" : "：" + bc.reason())));
                            break;
                        }
                    }
                }
                if (!parts.isEmpty()) {
                    Money amount = sum(parts);
                    out.accept(finding("「" + bundle.label() + "」的收费已包含" + parts.size() + " 项另行收取的项目（"
                            + parts.stream().map(Line::label).distinct().reduce((a, b) -> a + "、" + b).orElse("")
                            + "），同日分解收费 " + amount + " 元。", amount, s, evidence));
                }
            }
        }
    }

    /**
     * 超频次收费: an item charged more often than {@code frequency.tsv} allows, per day or per visit
     * (quantities summed, refunds netted); the excess quantity at the line's unit price is involved.
     */
    static final class FrequencyLimit extends Rule {
        private final CodeTable<Frequency> table;

        FrequencyLimit(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.VISIT);
            this.table = kb.frequencies();
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            Map<Frequency, List<Line>> byItem = new LinkedHashMap<>();
            for (Line l : e.lines()) {
                Frequency f = table.find(l.itemCode());
                if (f != null) {
                    byItem.computeIfAbsent(f, k -> new ArrayList<>()).add(l);
                }
            }
            for (Map.Entry<Frequency, List<Line>> entry : byItem.entrySet()) {
                Frequency f = entry.getKey();
                List<Line> lines = entry.getValue();
                if (f.maxPerDay() != null) {
                    Map<LocalDate, List<Line>> byDay = new TreeMap<>();
                    lines.forEach(l -> byDay.computeIfAbsent(l.serviceDate(), k -> new ArrayList<>()).add(l));
                    byDay.forEach((day, dayLines) -> report(s, dayLines, f.maxPerDay(), "每日最多收取 " + f.maxPerDay() + " 次，"
                            + day + " 收取", out));
                }
                if (f.maxPerVisit() != null) {
                    report(s, lines, f.maxPerVisit(), "每次就诊最多收取 " + f.maxPerVisit() + " 次，本次收取", out);
                }
            }
        }

        private void report(Subject s, List<Line> lines, int max, String what, Consumer<Finding> out) {
            Quantity total = Quantity.ZERO;
            for (Line l : lines) {
                total = total.plus(l.quantity());
            }
            Quantity excess = total.minus(Quantity.of(max));
            if (excess.signum() <= 0) {
                return;
            }
            Line last = lines.get(lines.size() - 1);
            Money amount = last.unitPrice().times(excess).min(sum(lines));
            List<Evidence> evidence = new ArrayList<>();
            for (Line l : lines) {
                evidence.add(evidence(s.current(), l, l == last ? amount : Money.ZERO, "数量 " + l.quantity()));
            }
            out.accept(finding("「" + last.label() + "」" + what + " " + plain(total) + " 次，超出 " + plain(excess) + " 次，金额 "
                    + amount + " 元。", amount, s, evidence));
        }

        private static String plain(Quantity q) {
            return q.toBigDecimal().stripTrailingZeros().toPlainString();
        }
    }

    /**
     * 挂床住院: at least {@code min_days} consecutive inpatient days on which every charge is in the
     * item set {@code items} (bed, nursing, consultation) — the patient is registered but not treated.
     * A day without any charge ends a run (nothing shows the bed was kept that day).
     */
    static final class BedOnlyDays extends Rule {
        private final CodeTable<SetMember> items;
        private final int minDays;

        BedOnlyDays(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.VISIT);
            this.items = kb.set(d.param("items"));
            this.minDays = d.intParam("min_days");
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            if (!e.inpatient()) {
                return;
            }
            TreeMap<LocalDate, List<Line>> byDay = new TreeMap<>();
            for (Line l : e.lines()) {
                if (l.amount().isPositive()) {
                    byDay.computeIfAbsent(l.serviceDate(), k -> new ArrayList<>()).add(l);
                }
            }
            List<LocalDate> run = new ArrayList<>();
            LocalDate previous = null;
            for (Map.Entry<LocalDate, List<Line>> day : byDay.entrySet()) {
                boolean bedOnly = day.getValue().stream().allMatch(l -> items.contains(l.itemCode()));
                boolean consecutive = previous != null && day.getKey().equals(previous.plusDays(1));
                if (!bedOnly || !consecutive) {
                    flush(s, byDay, run, out);
                }
                if (bedOnly) {
                    run.add(day.getKey());
                }
                previous = day.getKey();
            }
            flush(s, byDay, run, out);
        }

        private void flush(Subject s, Map<LocalDate, List<Line>> byDay, List<LocalDate> run, Consumer<Finding> out) {
            if (run.size() >= minDays) {
                List<Line> lines = new ArrayList<>();
                run.forEach(d -> lines.addAll(byDay.get(d)));
                Money amount = sum(lines);
                List<Evidence> evidence = new ArrayList<>();
                for (Line l : lines) {
                    evidence.add(evidence(s.current(), l, l.amount(), l.serviceDate() + " 仅有床位、护理、诊查类费用"));
                }
                out.accept(finding("住院期间 " + run.get(0) + " 至 " + run.get(run.size() - 1) + " 连续 " + run.size()
                        + " 天只有床位、护理、诊查类费用，没有检查、治疗或用药，疑似挂床住院，涉及 " + amount + " 元。", amount, s, evidence));
            }
            run.clear();
        }
    }

    /**
     * 住院期间外收费 / 死亡后收费: charges dated before admission or after discharge of a stay, or after
     * the patient's death; those lines are the amount involved.
     */
    static final class OutsideStay extends Rule {

        OutsideStay(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.VISIT);
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            LocalDate death = s.patient().deathDate();
            List<Line> outside = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            boolean afterDeath = false;
            for (Line l : e.lines()) {
                if (!l.amount().isPositive()) {
                    continue;
                }
                String why = null;
                if (death != null && l.serviceDate().isAfter(death)) {
                    why = "费用日期 " + l.serviceDate() + " 在患者死亡日期 " + death + " 之后";
                    afterDeath = true;
                } else if (e.inpatient() && l.serviceDate().isBefore(e.admissionDate())) {
                    why = "费用日期 " + l.serviceDate() + " 早于入院日期 " + e.admissionDate();
                } else if (e.inpatient() && e.dischargeDate() != null && l.serviceDate().isAfter(e.dischargeDate())) {
                    why = "费用日期 " + l.serviceDate() + " 晚于出院日期 " + e.dischargeDate();
                }
                if (why != null) {
                    outside.add(l);
                    evidence.add(evidence(e, l, l.amount(), why));
                }
            }
            if (!outside.isEmpty()) {
                Money amount = sum(outside);
                String when = afterDeath ? "患者死亡（" + death + "）之后" : "住院期间（" + e.admissionDate() + " 至 "
                        + (e.dischargeDate() == null ? "今" : e.dischargeDate()) + "）以外";
                out.accept(finding(outside.size() + " 条费用发生在" + when + "，不应由医保基金支付，涉及 " + amount + " 元。", amount, s, evidence));
            }
        }
    }
}
