package org.yibao.engine.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A labelled anomaly generator (issue 7): for every rule of the demo knowledge base, planted positive
 * examples (the rule must find them) and negative ones on the other side of its border (it must not),
 * built from the demo catalogue's codes — readmission after 14 and after 16 days, overlapping stays in two
 * cities and stays apart, a duplicate pair on one day and on two, 3 bed-only days and 2, a CT positive rate
 * of 25% and of 35%, … — and a report of precision and recall per rule after running the engine on them
 * (stage POST, every rule). A rule is judged only on its own examples: whether it fires for the example's
 * visit (or, for an indicator, the example's institution).
 */
public final class LabelledAnomalies {

    /** The day the examples are built around. */
    static final LocalDate D = LocalDate.of(2035, 6, 2);

    /**
     * One planted example: a visit with its patient and the person's other visits, or (for an indicator) a
     * population of visits and the institution it is about.
     */
    public record Example(String ruleId, boolean positive, String label, Patient patient, Encounter current, List<Encounter> history,
                          Collection<Encounter> population, String institution) {}

    /** A rule's result over its examples. */
    public record Score(String ruleId, int positives, int negatives, int truePositives, int falsePositives) {
        public int falseNegatives() {
            return positives - truePositives;
        }

        /** TP ÷ (TP + FP); 1 when the rule found nothing. */
        public BigDecimal precision() {
            int found = truePositives + falsePositives;
            return found == 0 ? BigDecimal.ONE : BigDecimal.valueOf(truePositives).divide(BigDecimal.valueOf(found), 4, RoundingMode.HALF_UP);
        }

        /** TP ÷ planted positives. */
        public BigDecimal recall() {
            return positives == 0 ? BigDecimal.ONE : BigDecimal.valueOf(truePositives).divide(BigDecimal.valueOf(positives), 4, RoundingMode.HALF_UP);
        }
    }

    private LabelledAnomalies() {}

    private static final Patient MAN = new Patient("P-M", "1", LocalDate.of(1980, 1, 1), null);
    private static final Patient WOMAN = new Patient("P-W", "2", LocalDate.of(1980, 1, 1), null);
    private static final Patient CHILD = new Patient("P-C", "1", LocalDate.of(2030, 1, 1), null);

    private static Line line(String id, String code, LocalDate day, String quantity, String amount) {
        return Line.of(id, code, day, quantity, amount);
    }

    private static Encounter outpatient(String id, Patient p, String institution, int level, String alliance, String region, LocalDate day,
                                        Line... lines) {
        return new Encounter(id, p.id(), institution, level, alliance, region, false, day, day, List.of(), List.of(lines));
    }

    private static Encounter stay(String id, Patient p, String institution, int level, String region, LocalDate admitted, LocalDate discharged,
                                  String diagnosis, Line... lines) {
        return new Encounter(id, p.id(), institution, level, "A1", region, true, admitted, discharged, List.of(diagnosis), List.of(lines));
    }

    private static Example visit(String rule, boolean positive, String label, Patient p, Encounter current, Encounter... history) {
        return new Example(rule, positive, label, p, current, List.of(history), List.of(), null);
    }

    private static Example indicator(String rule, boolean positive, String label, Collection<Encounter> population, String institution) {
        return new Example(rule, positive, label, null, null, List.of(), population, institution);
    }

    /** Stays of {@code days} days each at an institution of level 2 in region 990100. */
    private static List<Encounter> stays(String institution, int count, int days) {
        List<Encounter> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate admitted = D.plusDays(i * 12L);
            out.add(stay(institution + "-" + i, MAN, institution, 2, "990100", admitted, admitted.plusDays(days), "K35.800",
                    line(institution + "-" + i + "-1", "001103000010000", admitted, "1", "60.00")));
        }
        return out;
    }

    /** {@code reported} CT lines, {@code positive} of them positive, in one quarter at one institution. */
    private static List<Encounter> cts(String institution, int reported, int positive) {
        List<Encounter> out = new ArrayList<>();
        for (int i = 0; i < reported; i++) {
            LocalDate day = D.plusDays(i % 20);
            out.add(outpatient(institution + "-CT" + i, MAN, institution, 2, "A1", "990100", day,
                    line(institution + "-CT" + i + "-1", "002101000010000", day, "1", "200.00").withExamResult(i < positive)));
        }
        return out;
    }

    /** Positive and negative examples for every rule of the demo knowledge base. */
    public static List<Example> demo() {
        List<Example> x = new ArrayList<>();
        String finasteride = "XG04CBG031A001010101001";
        x.add(visit("GZ0101", true, "非那雄胺 for a woman", WOMAN, outpatient("S1", WOMAN, "H1", 3, "A1", "990100", D,
                line("S1-1", finasteride, D, "1", "50.00"))));
        x.add(visit("GZ0101", false, "非那雄胺 for a man", MAN, outpatient("S2", MAN, "H1", 3, "A1", "990100", D,
                line("S2-1", finasteride, D, "1", "50.00"))));
        String paediatric = "XN02BEG034A001010101001";
        x.add(visit("GZ0102", true, "小儿氨酚黄那敏 at 55", MAN, outpatient("A1V", MAN, "H1", 3, "A1", "990100", D,
                line("A1V-1", paediatric, D, "1", "12.00"))));
        x.add(visit("GZ0102", false, "小儿氨酚黄那敏 at 5", CHILD, outpatient("A2V", CHILD, "H1", 3, "A1", "990100", D,
                line("A2V-1", paediatric, D, "1", "12.00"))));
        String tacrolimus = "XL04ADG035A001010101001";
        x.add(visit("GZ0103", true, "他克莫司 at a level-1 centre", MAN, outpatient("L1", MAN, "H2", 1, "A1", "990100", D,
                line("L1-1", tacrolimus, D, "1", "300.00"))));
        x.add(visit("GZ0103", false, "他克莫司 at a level-3 hospital", MAN, outpatient("L2", MAN, "H1", 3, "A1", "990100", D,
                line("L2-1", tacrolimus, D, "1", "300.00"))));
        String amoxicillin = "XJ01CAG015A001010101001";
        x.add(visit("GZ0104", true, "阿莫西林 for 10 days (limit 7)", MAN, outpatient("DS1", MAN, "H1", 3, "A1", "990100", D,
                line("DS1-1", amoxicillin, D, "10", "30.00").withDaysSupplied(10))));
        x.add(visit("GZ0104", false, "阿莫西林 for 7 days", MAN, outpatient("DS2", MAN, "H1", 3, "A1", "990100", D,
                line("DS2-1", amoxicillin, D, "7", "21.00").withDaysSupplied(7))));
        x.add(visit("GZ0201", true, "住院诊查费 and 普通门诊诊查费 on one day", MAN, stay("P1", MAN, "H1", 3, "990100", D, D.plusDays(3), "K35.800",
                line("P1-1", "001102000010000", D.plusDays(1), "1", "30.00"), line("P1-2", "001101000010000", D.plusDays(1), "1", "20.00"))));
        x.add(visit("GZ0201", false, "the two on two days", MAN, stay("P2", MAN, "H1", 3, "990100", D, D.plusDays(3), "K35.800",
                line("P2-1", "001102000010000", D.plusDays(1), "1", "30.00"), line("P2-2", "001101000010000", D.plusDays(2), "1", "20.00"))));
        String suture = "124000000010000";
        x.add(visit("GZ0202", true, "清创缝合 on the day of 阑尾切除术", MAN, stay("B1", MAN, "H1", 3, "990100", D, D.plusDays(4), "K35.800",
                line("B1-1", "003102000010000", D.plusDays(1), "1", "1200.00"), line("B1-2", suture, D.plusDays(1), "1", "80.00"))));
        x.add(visit("GZ0202", false, "清创缝合 without a bundle", MAN, stay("B2", MAN, "H1", 3, "990100", D, D.plusDays(4), "S01.900",
                line("B2-1", suture, D.plusDays(1), "1", "80.00"))));
        x.add(visit("GZ0203", true, "普通门诊诊查费 twice in a visit", MAN, outpatient("F1", MAN, "H1", 3, "A1", "990100", D,
                line("F1-1", "001101000010000", D, "2", "40.00"))));
        x.add(visit("GZ0203", false, "普通门诊诊查费 once", MAN, outpatient("F2", MAN, "H1", 3, "A1", "990100", D,
                line("F2-1", "001101000010000", D, "1", "20.00"))));
        x.add(visit("GZ0204", true, "3 bed-only days", MAN, stay("H1B", MAN, "H1", 3, "990100", D, D.plusDays(5), "K35.800",
                line("H1B-1", "003102000010000", D, "1", "1200.00"), line("H1B-2", "001103000010000", D.plusDays(1), "1", "60.00"),
                line("H1B-3", "001103000010000", D.plusDays(2), "1", "60.00"), line("H1B-4", "001103000010000", D.plusDays(3), "1", "60.00"),
                line("H1B-5", amoxicillin, D.plusDays(4), "1", "3.00"))));
        x.add(visit("GZ0204", false, "2 bed-only days", MAN, stay("H2B", MAN, "H1", 3, "990100", D, D.plusDays(5), "K35.800",
                line("H2B-1", "003102000010000", D, "1", "1200.00"), line("H2B-2", "001103000010000", D.plusDays(1), "1", "60.00"),
                line("H2B-3", "001103000010000", D.plusDays(2), "1", "60.00"), line("H2B-4", amoxicillin, D.plusDays(3), "1", "3.00"),
                line("H2B-5", "001103000010000", D.plusDays(3), "1", "60.00"))));
        x.add(visit("GZ0205", true, "a charge 2 days after discharge", MAN, stay("O1", MAN, "H1", 3, "990100", D, D.plusDays(3), "K35.800",
                line("O1-1", "001103000010000", D.plusDays(1), "1", "60.00"), line("O1-2", amoxicillin, D.plusDays(5), "1", "3.00"))));
        x.add(visit("GZ0205", false, "charges inside the stay", MAN, stay("O2", MAN, "H1", 3, "990100", D, D.plusDays(3), "K35.800",
                line("O2-1", "001103000010000", D.plusDays(1), "1", "60.00"), line("O2-2", amoxicillin, D.plusDays(3), "1", "3.00"))));
        Encounter first = stay("R0", MAN, "H1", 3, "990100", D.minusDays(10), D, "K35.800", line("R0-1", "001103000010000", D, "1", "60.00"));
        x.add(visit("GZ0301", true, "readmission after 14 days", MAN, stay("R14", MAN, "H1", 3, "990100", D.plusDays(14), D.plusDays(18), "J18.900",
                line("R14-1", "001103000010000", D.plusDays(15), "1", "60.00")), first));
        x.add(visit("GZ0301", false, "readmission after 16 days", MAN, stay("R16", MAN, "H1", 3, "990100", D.plusDays(16), D.plusDays(20), "J18.900",
                line("R16-1", "001103000010000", D.plusDays(17), "1", "60.00")), first));
        Encounter otherCity = stay("C0", MAN, "H9", 3, "980100", D, D.plusDays(6), "J18.900", line("C0-1", "001103000010000", D, "1", "60.00"));
        x.add(visit("GZ0302", true, "a stay in another city overlapping", MAN, stay("C1", MAN, "H1", 3, "990100", D.plusDays(3), D.plusDays(8),
                "K35.800", line("C1-1", "001103000010000", D.plusDays(4), "1", "60.00")), otherCity));
        x.add(visit("GZ0302", false, "a stay in another city after it", MAN, stay("C2", MAN, "H1", 3, "990100", D.plusDays(6), D.plusDays(9),
                "K35.800", line("C2-1", "001103000010000", D.plusDays(7), "1", "60.00")), otherCity));
        String metformin = "XA10BAE054A001010101001";
        List<Encounter> before = List.of(
                outpatient("M-80", MAN, "H2", 1, "A1", "990100", D.minusDays(80), line("M-80-1", metformin, D.minusDays(80), "1", "30.00").withDaysSupplied(28)),
                outpatient("M-50", MAN, "H2", 1, "A1", "990100", D.minusDays(50), line("M-50-1", metformin, D.minusDays(50), "1", "30.00").withDaysSupplied(28)),
                outpatient("M-20", MAN, "H2", 1, "A1", "990100", D.minusDays(20), line("M-20-1", metformin, D.minusDays(20), "1", "30.00").withDaysSupplied(28)));
        x.add(visit("GZ0303", true, "112 days of metformin in 90", MAN, outpatient("M1", MAN, "H2", 1, "A1", "990100", D,
                line("M1-1", metformin, D, "1", "30.00").withDaysSupplied(28)), before.toArray(Encounter[]::new)));
        x.add(visit("GZ0303", false, "84 days of metformin in 90", MAN, outpatient("M2", MAN, "H2", 1, "A1", "990100", D,
                line("M2-1", metformin, D, "1", "30.00").withDaysSupplied(28)), before.get(1), before.get(2)));
        String ct = "002101000010000";
        x.add(visit("GZ0304", true, "a CT 7 days after one in the alliance", MAN, outpatient("E1", MAN, "H1", 3, "A1", "990100", D,
                line("E1-1", ct, D, "1", "200.00")), outpatient("E0", MAN, "H2", 1, "A1", "990100", D.minusDays(7), line("E0-1", ct, D.minusDays(7), "1", "200.00"))));
        x.add(visit("GZ0304", false, "a CT 8 days after one", MAN, outpatient("E2", MAN, "H1", 3, "A1", "990100", D,
                line("E2-1", ct, D, "1", "200.00")), outpatient("E9", MAN, "H2", 1, "A1", "990100", D.minusDays(8), line("E9-1", ct, D.minusDays(8), "1", "200.00"))));
        List<Encounter> longer = new ArrayList<>(stays("LX", 5, 10));
        longer.addAll(stays("LY", 5, 4));
        x.add(indicator("ZB0001", true, "ALOS 10 against peers' 4 (2.5×)", longer, "LX"));
        List<Encounter> border = new ArrayList<>(stays("LZ", 5, 6));
        border.addAll(stays("LW", 5, 4));
        x.add(indicator("ZB0001", false, "ALOS 6 against peers' 4 (1.5×, not above)", border, "LZ"));
        x.add(indicator("ZB0002", true, "CT positive rate 25% (5 of 20)", cts("CTA", 20, 5), "CTA"));
        x.add(indicator("ZB0002", false, "CT positive rate 35% (7 of 20)", cts("CTB", 20, 7), "CTB"));
        return x;
    }

    /** Runs every rule on every example and scores each rule on its own examples, in rule-id order. */
    public static List<Score> evaluate(SupervisionEngine engine, List<Example> examples) {
        Map<String, int[]> tally = new TreeMap<>();
        for (Example e : examples) {
            boolean found;
            if (e.current() != null) {
                found = engine.analyse(Stage.POST, null, Set.of(), e.patient(), e.current(), e.history()).stream()
                        .anyMatch(f -> f.ruleId().equals(e.ruleId()) && e.current().id().equals(f.encounterId()));
            } else {
                found = engine.indicators(Set.of(), e.population()).stream()
                        .anyMatch(f -> f.ruleId().equals(e.ruleId()) && e.institution().equals(f.institutionCode()));
            }
            int[] t = tally.computeIfAbsent(e.ruleId(), k -> new int[4]);
            if (e.positive()) {
                t[0]++;
                t[2] += found ? 1 : 0;
            } else {
                t[1]++;
                t[3] += found ? 1 : 0;
            }
        }
        List<Score> scores = new ArrayList<>();
        tally.forEach((rule, t) -> scores.add(new Score(rule, t[0], t[1], t[2], t[3])));
        return scores;
    }
}
