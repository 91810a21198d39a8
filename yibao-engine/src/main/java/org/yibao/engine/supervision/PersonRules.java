package org.yibao.engine.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.yibao.engine.money.Money;
import org.yibao.engine.supervision.KnowledgeBase.SetMember;

/**
 * Per-person time windows (跨就诊规则): the visit against the same person's other visits. The
 * caller supplies those other visits (at 3101/3102 the recent ones from the database; after
 * settlement the person's visits of the period).
 */
final class PersonRules {

    private PersonRules() {}

    /** The group of a set member: its {@code group} column, else its code. */
    private static String group(SetMember m) {
        return m.group() != null ? m.group() : m.code();
    }

    private static String name(SetMember m, Line l) {
        return m.name() != null ? m.name() : l.label();
    }

    /**
     * 分解住院: an admission to the same institution within {@code window_days} days of the previous
     * discharge, unless either stay is for a planned repeated treatment (diagnoses in
     * {@code exclude_diagnoses}, items in {@code exclude_items}: dialysis, chemotherapy).
     */
    static final class Readmission extends Rule {
        private final int windowDays;
        private final CodeTable<SetMember> excludedDiagnoses;
        private final CodeTable<SetMember> excludedItems;

        Readmission(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.PERSON);
            this.windowDays = d.intParam("window_days");
            this.excludedDiagnoses = kb.set(d.param("exclude_diagnoses"));
            this.excludedItems = kb.set(d.param("exclude_items"));
        }

        private boolean excluded(Encounter e) {
            return e.diagnoses().stream().anyMatch(excludedDiagnoses::contains)
                    || e.lines().stream().anyMatch(l -> excludedItems.contains(l.itemCode()));
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            if (!e.inpatient()) {
                return;
            }
            Encounter previous = null;
            for (Encounter h : s.history()) {
                if (h.inpatient() && h.dischargeDate() != null && !h.id().equals(e.id())
                        && h.institutionCode().equals(e.institutionCode()) && !h.dischargeDate().isAfter(e.admissionDate())
                        && (previous == null || h.dischargeDate().isAfter(previous.dischargeDate()))) {
                    previous = h;
                }
            }
            if (previous == null) {
                return;
            }
            long gap = ChronoUnit.DAYS.between(previous.dischargeDate(), e.admissionDate());
            if (gap > windowDays || excluded(e) || excluded(previous)) {
                return;
            }
            Money amount = e.amount();
            out.accept(finding("患者于 " + previous.dischargeDate() + " 从本机构出院（就诊 " + previous.id() + "），" + gap
                    + " 天后（" + e.admissionDate() + "）再次入院，间隔不超过 " + windowDays + " 天且非透析、放化疗等计划性治疗，疑似分解住院。",
                    amount, s, List.of(new Evidence(previous.id(), null, null, Money.ZERO, "上次住院 " + previous.admissionDate() + " 至 "
                            + previous.dischargeDate()), new Evidence(e.id(), null, null, amount, "本次入院 " + e.admissionDate()
                            + "，间隔 " + gap + " 天"))));
        }
    }

    /**
     * 同时段就医: the same person in two places at once — two stays that overlap (a transfer on the
     * discharge day is not an overlap) — or an outpatient visit strictly inside a stay. Before and
     * during settlement both directions are reported; after settlement only from the later visit, so
     * that a pair is found once.
     */
    static final class ConcurrentCare extends Rule {

        ConcurrentCare(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.PERSON);
        }

        private static long end(Encounter e) {
            return e.dischargeDate() == null ? Long.MAX_VALUE : e.dischargeDate().toEpochDay();
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            for (Encounter h : s.history()) {
                if (h.id().equals(e.id()) || (!e.inpatient() && !h.inpatient())) {
                    continue;
                }
                boolean overlap;
                Encounter outpatient = null;
                if (e.inpatient() && h.inpatient()) {
                    overlap = e.admissionDate().toEpochDay() < end(h) && h.admissionDate().toEpochDay() < end(e);
                } else {
                    Encounter stay = e.inpatient() ? e : h;
                    outpatient = e.inpatient() ? h : e;
                    long day = outpatient.admissionDate().toEpochDay();
                    overlap = stay.admissionDate().toEpochDay() < day && day < end(stay);
                }
                if (!overlap) {
                    continue;
                }
                if (s.stage() == Stage.POST && (outpatient != null ? outpatient != e : later(h, e))) {
                    continue;
                }
                Money amount = outpatient != null ? outpatient.amount() : e.amount();
                String content = outpatient != null
                        ? "患者住院期间（" + (e.inpatient() ? span(e) + "，" + e.institutionCode() : span(h) + "，" + h.institutionCode())
                        + "）在 " + outpatient.institutionCode() + " 有门诊就诊（" + outpatient.admissionDate() + "，就诊 " + outpatient.id()
                        + "），同一时间不能在两处就医，请核实。"
                        : "患者在 " + e.institutionCode() + " 的住院（" + span(e) + "）与在 " + h.institutionCode() + " 的住院（" + span(h)
                        + "，就诊 " + h.id() + "）时间重叠，同一时间不能在两处住院，请核实。";
                out.accept(finding(content, amount, s, List.of(new Evidence(e.id(), null, null, amount, "本次就诊 " + span(e)),
                        new Evidence(h.id(), null, null, Money.ZERO, "重叠就诊 " + span(h) + "，" + h.institutionCode()))));
            }
        }

        private static boolean later(Encounter h, Encounter e) {
            int c = h.admissionDate().compareTo(e.admissionDate());
            return c > 0 || (c == 0 && h.id().compareTo(e.id()) > 0);
        }

        private static String span(Encounter e) {
            return e.inpatient() ? e.admissionDate() + " 至 " + (e.dischargeDate() == null ? "今" : e.dischargeDate()) : e.admissionDate().toString();
        }
    }

    /**
     * 超量开药（倒卖药品线索）: days supplied of one drug (a {@code group} of {@code items}) in the
     * {@code window_days} days up to this visit's prescription above {@code max_ratio} × the window.
     */
    static final class SupplyWindow extends Rule {
        private final CodeTable<SetMember> items;
        private final int windowDays;
        private final BigDecimal maxRatio;
        private final BigDecimal maxDays;

        SupplyWindow(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.PERSON);
            this.items = kb.set(d.param("items"));
            this.windowDays = d.intParam("window_days");
            this.maxRatio = d.decimalParam("max_ratio");
            this.maxDays = maxRatio.multiply(BigDecimal.valueOf(windowDays));
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            Map<String, List<Line>> current = new LinkedHashMap<>();
            Map<String, SetMember> members = new LinkedHashMap<>();
            for (Line l : e.lines()) {
                SetMember m = l.daysSupplied() != null && l.amount().isPositive() ? items.find(l.itemCode()) : null;
                if (m != null) {
                    current.computeIfAbsent(group(m), k -> new ArrayList<>()).add(l);
                    members.putIfAbsent(group(m), m);
                }
            }
            for (Map.Entry<String, List<Line>> g : current.entrySet()) {
                LocalDate last = g.getValue().stream().map(Line::serviceDate).max(LocalDate::compareTo).orElseThrow();
                LocalDate first = last.minusDays(windowDays - 1L);
                int total = 0;
                List<Evidence> evidence = new ArrayList<>();
                // The history may hold the current visit itself (after settlement it is one of the person's visits): count it once.
                List<Encounter> all = new ArrayList<>();
                for (Encounter h : s.history()) {
                    if (!h.id().equals(e.id())) {
                        all.add(h);
                    }
                }
                all.add(e);
                for (Encounter h : all) {
                    for (Line l : h.lines()) {
                        if (l.daysSupplied() == null || !l.amount().isPositive() || l.serviceDate().isBefore(first)
                                || l.serviceDate().isAfter(last)) {
                            continue;
                        }
                        SetMember m = items.find(l.itemCode());
                        if (m != null && group(m).equals(g.getKey())) {
                            total += l.daysSupplied();
                            evidence.add(evidence(h, l, h == e ? l.amount() : Money.ZERO, l.serviceDate() + " 开具 " + l.daysSupplied() + " 天"));
                        }
                    }
                }
                if (BigDecimal.valueOf(total).compareTo(maxDays) > 0) {
                    Money amount = sum(g.getValue());
                    String drug = name(members.get(g.getKey()), g.getValue().get(0));
                    out.accept(finding(windowDays + " 天内（" + first + " 至 " + last + "）共开具「" + drug + "」" + total + " 天用量，超过 "
                            + maxDays.stripTrailingZeros().toPlainString() + " 天（" + windowDays + " 天的 "
                            + maxRatio.stripTrailingZeros().toPlainString() + " 倍），疑似超量开药，请核实用药需求。", amount, s, evidence));
                }
            }
        }
    }

    /**
     * 重复检查（检查结果互认）: the same examination (a {@code group} of {@code items}) again within
     * {@code window_days} days at the same institution or another one of its alliance, whose results
     * should have been recognised. Only earlier exams count, so a pair is found once.
     */
    static final class RepeatedExam extends Rule {
        private final CodeTable<SetMember> items;
        private final int windowDays;

        RepeatedExam(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.PERSON);
            this.items = kb.set(d.param("items"));
            this.windowDays = d.intParam("window_days");
        }

        @Override
        public void check(Subject s, Consumer<Finding> out) {
            Encounter e = s.current();
            for (Line l : e.lines()) {
                SetMember m = l.amount().isPositive() ? items.find(l.itemCode()) : null;
                if (m == null) {
                    continue;
                }
                for (Encounter h : s.history()) {
                    if (h.id().equals(e.id()) || !sameAlliance(e, h)) {
                        continue;
                    }
                    Line earlier = null;
                    for (Line x : h.lines()) {
                        SetMember xm = x.amount().isPositive() ? items.find(x.itemCode()) : null;
                        long days = ChronoUnit.DAYS.between(x.serviceDate(), l.serviceDate());
                        if (xm != null && group(xm).equals(group(m)) && days >= 0 && days <= windowDays) {
                            earlier = x;
                            break;
                        }
                    }
                    if (earlier != null) {
                        long days = ChronoUnit.DAYS.between(earlier.serviceDate(), l.serviceDate());
                        out.accept(finding("「" + l.label() + "」" + l.serviceDate() + " 检查前 " + days + " 天（" + earlier.serviceDate()
                                + "）已在" + (h.institutionCode().equals(e.institutionCode()) ? "本机构" : "同一医联体的 " + h.institutionCode())
                                + "做过同类检查（就诊 " + h.id() + "），" + windowDays + " 天内结果应互认，疑似重复检查。", l.amount(), s,
                                List.of(evidence(e, l, l.amount(), "重复检查"), evidence(h, earlier, Money.ZERO, "前次检查"))));
                        break;
                    }
                }
            }
        }

        private static boolean sameAlliance(Encounter a, Encounter b) {
            return a.institutionCode().equals(b.institutionCode())
                    || (a.allianceCode() != null && Objects.equals(a.allianceCode(), b.allianceCode()));
        }
    }
}
