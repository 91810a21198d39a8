package org.yibao.engine.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.yibao.engine.money.Money;
import org.yibao.engine.supervision.KnowledgeBase.SetMember;

/** Per-institution indicators (机构指标规则), after settlement over a period's visits. */
final class InstitutionRules {

    private InstitutionRules() {}

    private static Finding indicator(RuleDefinition d, String institution, String content, Money amount, List<Evidence> evidence) {
        return new Finding(d.id(), d.nameZh(), d.severity(), d.behaviourType(), content, amount, null, null, institution, evidence);
    }

    private static String oneDecimal(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * 平均住院日超同级同区域均值: an institution's average length of stay over its discharged stays
     * above {@code max_ratio} × that of the other institutions of the same level in its region (both
     * with at least {@code min_stays} stays). The indicator has no amount of its own (0.00).
     */
    static final class LengthOfStayAgainstPeers extends Rule {
        private final BigDecimal maxRatio;
        private final int minStays;

        LengthOfStayAgainstPeers(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.INSTITUTION);
            this.maxRatio = d.decimalParam("max_ratio");
            this.minStays = d.intParam("min_stays");
        }

        private record Stays(String region, Integer level, long days, long count) {}

        @Override
        public void checkInstitutions(Collection<Encounter> encounters, Consumer<Finding> out) {
            Map<String, Stays> byInstitution = new TreeMap<>();
            for (Encounter e : encounters) {
                if (!e.inpatient() || e.dischargeDate() == null || e.institutionLevel() == null) {
                    continue;
                }
                byInstitution.merge(e.institutionCode(), new Stays(e.regionCode(), e.institutionLevel(), e.lengthOfStay(), 1),
                        (a, b) -> new Stays(a.region(), a.level(), a.days() + b.days(), a.count() + b.count()));
            }
            for (Map.Entry<String, Stays> own : byInstitution.entrySet()) {
                Stays o = own.getValue();
                if (o.count() < minStays) {
                    continue;
                }
                long peerDays = 0;
                long peerCount = 0;
                for (Map.Entry<String, Stays> p : byInstitution.entrySet()) {
                    Stays v = p.getValue();
                    if (!p.getKey().equals(own.getKey()) && v.level().equals(o.level()) && java.util.Objects.equals(v.region(), o.region())) {
                        peerDays += v.days();
                        peerCount += v.count();
                    }
                }
                if (peerCount < minStays || peerDays == 0) {
                    continue;
                }
                // own/ownCount > ratio × peer/peerCount, compared exactly without division.
                BigDecimal lhs = BigDecimal.valueOf(o.days()).multiply(BigDecimal.valueOf(peerCount));
                BigDecimal rhs = maxRatio.multiply(BigDecimal.valueOf(peerDays)).multiply(BigDecimal.valueOf(o.count()));
                if (lhs.compareTo(rhs) <= 0) {
                    continue;
                }
                BigDecimal ownAvg = BigDecimal.valueOf(o.days()).divide(BigDecimal.valueOf(o.count()), 4, RoundingMode.HALF_UP);
                BigDecimal peerAvg = BigDecimal.valueOf(peerDays).divide(BigDecimal.valueOf(peerCount), 4, RoundingMode.HALF_UP);
                BigDecimal times = ownAvg.divide(peerAvg, 2, RoundingMode.HALF_UP);
                out.accept(indicator(definition, own.getKey(), "本机构平均住院日 " + oneDecimal(ownAvg) + " 天（" + o.count() + " 人次），为同区域同级别机构平均 "
                        + oneDecimal(peerAvg) + " 天（" + peerCount + " 人次）的 " + times.toPlainString() + " 倍，超过 "
                        + maxRatio.stripTrailingZeros().toPlainString() + " 倍，请说明原因。", Money.ZERO,
                        List.of(new Evidence(null, null, null, Money.ZERO, "本机构 " + o.days() + " 天 / " + o.count() + " 人次；同级机构 "
                                + peerDays + " 天 / " + peerCount + " 人次"))));
            }
        }
    }

    /**
     * 检查阳性率过低: per institution and quarter, the share of positive results among the exams of
     * {@code items} whose result was reported ({@code exam_rslt}) below {@code min_rate}, from at least
     * {@code min_exams} reported exams. The negative exams are the amount involved.
     */
    static final class PositiveRate extends Rule {
        private final CodeTable<SetMember> items;
        private final BigDecimal minRate;
        private final int minExams;

        PositiveRate(RuleDefinition d, KnowledgeBase kb) {
            super(d, Shape.INSTITUTION);
            this.items = kb.set(d.param("items"));
            this.minRate = d.decimalParam("min_rate");
            this.minExams = d.intParam("min_exams");
        }

        private static final class Tally {
            int reported;
            int positive;
            Money negativeAmount = Money.ZERO;
            final List<Evidence> negatives = new ArrayList<>();
        }

        @Override
        public void checkInstitutions(Collection<Encounter> encounters, Consumer<Finding> out) {
            Map<String, Tally> tallies = new TreeMap<>();
            for (Encounter e : encounters) {
                for (Line l : e.lines()) {
                    if (l.examResult() == null || !l.amount().isPositive() || !items.contains(l.itemCode())) {
                        continue;
                    }
                    String key = e.institutionCode() + "\t" + l.serviceDate().getYear() + "\t" + ((l.serviceDate().getMonthValue() - 1) / 3 + 1);
                    Tally t = tallies.computeIfAbsent(key, k -> new Tally());
                    t.reported++;
                    if (l.examResult()) {
                        t.positive++;
                    } else {
                        t.negativeAmount = t.negativeAmount.plus(l.amount());
                        t.negatives.add(evidence(e, l, l.amount(), "结果阴性（exam_rslt=0）"));
                    }
                }
            }
            for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
                Tally t = entry.getValue();
                // positive / reported < minRate, compared exactly.
                if (t.reported < minExams || BigDecimal.valueOf(t.positive).compareTo(minRate.multiply(BigDecimal.valueOf(t.reported))) >= 0) {
                    continue;
                }
                String[] k = entry.getKey().split("\t");
                BigDecimal percent = BigDecimal.valueOf(t.positive * 100L).divide(BigDecimal.valueOf(t.reported), 1, RoundingMode.HALF_UP);
                out.accept(indicator(definition, k[0], k[1] + " 年第 " + k[2] + " 季度本机构报告结果的检查 " + t.reported + " 次，阳性 " + t.positive
                        + " 次，阳性率 " + percent.toPlainString() + "%，低于 " + minRate.movePointRight(2).stripTrailingZeros().toPlainString()
                        + "%，疑似过度检查；阴性检查金额 " + t.negativeAmount + " 元。", t.negativeAmount, t.negatives));
            }
        }
    }
}
