package org.yibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.yibao.engine.money.Money;

/**
 * The labelled anomaly generator (标注异常样本): settled traffic in which, for every rule of the demo
 * knowledge base, positive examples (that the rule must find) and negative examples just on the other
 * side of the rule's border (that it must not find) are planted among clean background traffic; then
 * the rules run after settlement over all of it and each rule's precision and recall is counted.
 *
 * <p>Every finding is matched to the plants by rule and subject (the visit for line, visit and person
 * rules, the institution for indicators). A finding that is not a planted positive of its rule is a
 * false positive, whether it falls on a planted negative or on background traffic; a planted
 * positive without a finding is a false negative. The traffic is built so that nothing but the plants
 * breaks a rule: stays have active treatment every day, four to six days, one stay per background
 * person, background drugs within their limits.
 */
public final class LabelledAnomalies {

    /** Institutions of the synthetic world: a city alliance of three levels, one outside it, one in another city. */
    static final String LEVEL1 = "LAB100000001";
    static final String LEVEL2 = "LAB100000002";
    static final String LEVEL3 = "LAB100000003";
    static final String LEVEL2_ALONE = "LAB100000004";
    static final String OTHER_CITY = "LAB200000001";

    /**
     * Where a peer-indicator example lives: a region and level of its own (no other stays of that level and
     * region), the institution the example is about and its two peers.
     */
    public record PeerGroup(String region, int level, String subject, String peerA, String peerB) {}

    /**
     * The institutions the traffic is placed on: a pooling region with a city alliance of the three levels
     * ({@code allianceCode}, null when the alliance is not known to the caller), a level-2 institution of the
     * region outside the alliance, an institution of another city, and per indicator example its own
     * institutions: for the length-of-stay example ({@code lengthOfStay(positive, n)}) a peer group, for the CT
     * positive rate ({@code positiveRate(positive, n)}) a level-2 institution of the region that reports no
     * other CT results.
     */
    public record Placement(String region, String allianceCode, String level1, String level2, String level3, String level2Alone,
                            String otherCity, String otherCityRegion, int otherCityLevel,
                            java.util.function.BiFunction<Boolean, Integer, PeerGroup> lengthOfStay,
                            java.util.function.BiFunction<Boolean, Integer, String> positiveRate) {

        /** The synthetic world: institutions LAB100000001…, regions LAB100/LAB200, peer groups LOS…, CT institutions CT…. */
        public static final Placement SYNTHETIC = new Placement("LAB100", "LABA01", LEVEL1, LEVEL2, LEVEL3, LEVEL2_ALONE,
                OTHER_CITY, "LAB200", 2, (positive, n) -> {
                    String region = "LOS" + (positive ? "P" : "N") + n;
                    return new PeerGroup(region, 2, region + "S", region + "A", region + "B");
                }, (positive, n) -> "CT" + (positive ? "P" : "N") + n);

        /** The level of one of the placed institutions (2 for any other, as the positive-rate institutions). */
        Integer levelOf(String institution) {
            if (institution.equals(level1)) {
                return 1;
            }
            if (institution.equals(level3)) {
                return 3;
            }
            return institution.equals(otherCity) ? otherCityLevel : 2;
        }

        String allianceOf(String institution) {
            return institution.equals(level1) || institution.equals(level2) || institution.equals(level3) ? allianceCode : null;
        }

        String regionOf(String institution) {
            return institution.equals(otherCity) ? otherCityRegion : region;
        }
    }

    /** Items of the demo knowledge base (catalogue shapes of region 990100). */
    private static final String BED = "001103000010000";
    private static final String WARD_CONSULTATION = "001102000010000";
    private static final String OUTPATIENT_CONSULTATION = "001101000010000";
    private static final String NURSING = "130000000460000";
    private static final String SALINE = "XB05BBG090B000000051001";
    private static final String CT = "002101000010000";
    private static final String CT_ENHANCED = "113000000490000";
    private static final String APPENDECTOMY = "003102000010000";
    private static final String SUTURE = "124000000470000";
    private static final String FINASTERIDE = "XG04CBG031B000000042001";
    private static final String PAEDIATRIC_COLD = "XN02BEG034B000000043001";
    private static final String CEFUROXIME = "XJ01DCT013B002010101003";
    private static final String AMOXICILLIN = "XJ01CAG015B000000044001";
    private static final String METFORMIN = "XA10BAE054A001010101001";
    private static final String DIALYSIS_DIAGNOSIS = "Z49.100";

    /** A planted example: the rule, whether it must be found, and its subject (visit id or institution code). */
    public record Plant(String ruleId, boolean positive, String subject, String description) {}

    /** The generated traffic: persons, their settled visits and the plants. */
    public record World(Map<String, Patient> patients, Map<String, List<Encounter>> visits, List<Plant> plants) {

        public int encounters() {
            return visits.values().stream().mapToInt(List::size).sum();
        }

        public int lines() {
            return visits.values().stream().flatMap(List::stream).mapToInt(e -> e.lines().size()).sum();
        }
    }

    /**
     * One rule's score.
     *
     * @param foundNegatives planted negatives the rule found (each also counted in {@code falsePositives})
     */
    public record Score(String ruleId, String ruleName, int plantedPositives, int plantedNegatives, int truePositives,
                        int falsePositives, int falseNegatives, int foundNegatives) {

        /** found ÷ (found + false), to 3 decimals (1 when nothing was found); exact decimals like every figure here. */
        public java.math.BigDecimal precision() {
            return share(truePositives, truePositives + falsePositives);
        }

        /** found ÷ planted, to 3 decimals (1 when nothing was planted). */
        public java.math.BigDecimal recall() {
            return share(truePositives, plantedPositives);
        }

        private static java.math.BigDecimal share(int part, int whole) {
            return whole == 0 ? java.math.BigDecimal.ONE.setScale(3)
                    : java.math.BigDecimal.valueOf(part).divide(java.math.BigDecimal.valueOf(whole), 3, java.math.RoundingMode.HALF_UP);
        }
    }

    private final SplittableRandom random;
    private final LocalDate start;
    private final Placement at;
    private final Map<String, Patient> patients = new LinkedHashMap<>();
    private final Map<String, List<Encounter>> visits = new LinkedHashMap<>();
    private final List<Plant> plants = new ArrayList<>();
    private int sequence;

    private LabelledAnomalies(long seed, LocalDate start, Placement at) {
        this.random = new SplittableRandom(seed);
        this.start = start;
        this.at = at;
    }

    /**
     * Traffic of {@code backgroundPersons} clean persons (two outpatient visits and one stay each) with
     * {@code examplesPerRule} positive and as many negative examples of every rule, dates within the
     * year from {@code start}.
     */
    public static World generate(long seed, int examplesPerRule, int backgroundPersons, LocalDate start) {
        return generate(seed, examplesPerRule, backgroundPersons, start, Placement.SYNTHETIC);
    }

    /** As {@link #generate(long, int, int, LocalDate)}, on the institutions of {@code placement}. */
    public static World generate(long seed, int examplesPerRule, int backgroundPersons, LocalDate start, Placement placement) {
        LabelledAnomalies g = new LabelledAnomalies(seed, start, placement);
        for (int i = 0; i < backgroundPersons; i++) {
            g.background();
        }
        for (int i = 0; i < examplesPerRule; i++) {
            for (boolean positive : new boolean[] {true, false}) {
                g.sex(positive);
                g.age(positive);
                g.level(positive);
                g.daysSupplied(positive);
                g.duplicatePair(positive);
                g.decomposed(positive);
                g.frequency(positive);
                g.hangingBed(positive);
                g.outsideStay(positive);
                g.readmission(positive, i);
                g.concurrentCare(positive);
                g.supplyWindow(positive);
                g.repeatedExam(positive, i);
                g.lengthOfStay(positive, i);
                g.positiveRate(positive, i);
            }
        }
        return new World(Collections.unmodifiableMap(g.patients), Collections.unmodifiableMap(g.visits), List.copyOf(g.plants));
    }

    /** Runs every rule after settlement over the world and scores each rule of the engine against the plants. */
    public static List<Score> evaluate(SupervisionEngine engine, World world) {
        List<Finding> findings = new ArrayList<>();
        List<Encounter> all = new ArrayList<>();
        for (Map.Entry<String, List<Encounter>> person : world.visits().entrySet()) {
            Patient p = world.patients().get(person.getKey());
            for (Encounter e : person.getValue()) {
                findings.addAll(engine.analyse(Stage.POST, null, Set.of(), p, e, person.getValue()));
            }
            all.addAll(person.getValue());
        }
        findings.addAll(engine.indicators(Set.of(), all));
        List<Found> found = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            found.add(new Found(f.ruleId(), f.encounterId() != null ? f.encounterId() : f.institutionCode()));
        }
        return score(engine.rules(), world, found);
    }

    /**
     * A finding as the score needs it: the rule and its subject, the world's visit id for line, visit and person
     * rules, the institution code for indicators (however the finding was obtained: in memory or read back from
     * the platform's stored warnings).
     */
    public record Found(String ruleId, String subject) {}

    /** Scores each of {@code rules} against the world's plants, as {@link #evaluate} does. */
    public static List<Score> score(List<RuleDefinition> rules, World world, java.util.Collection<Found> findings) {
        Map<String, Set<String>> positives = new TreeMap<>();
        Map<String, Set<String>> negatives = new TreeMap<>();
        for (Plant plant : world.plants()) {
            (plant.positive() ? positives : negatives).computeIfAbsent(plant.ruleId(), k -> new java.util.HashSet<>()).add(plant.subject());
        }
        List<Score> scores = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            Set<String> planted = positives.getOrDefault(rule.id(), Set.of());
            Set<String> near = negatives.getOrDefault(rule.id(), Set.of());
            Set<String> found = new java.util.HashSet<>();
            int falsePositives = 0;
            int foundNegatives = 0;
            for (Found f : findings) {
                if (!f.ruleId().equals(rule.id())) {
                    continue;
                }
                if (planted.contains(f.subject())) {
                    found.add(f.subject());
                } else {
                    falsePositives++;
                    if (near.contains(f.subject())) {
                        foundNegatives++;
                    }
                }
            }
            scores.add(new Score(rule.id(), rule.nameZh(), planted.size(), near.size(), found.size(), falsePositives,
                    planted.size() - found.size(), foundNegatives));
        }
        return scores;
    }

    /** The per-rule table (Markdown) for docs/supervision-rules.md. */
    public static String table(List<Score> scores) {
        StringBuilder b = new StringBuilder("| rule | name | planted + | planted − | found + | false + | missed | precision | recall |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Score s : scores) {
            b.append("| ").append(s.ruleId()).append(" | ").append(s.ruleName()).append(" | ").append(s.plantedPositives())
                    .append(" | ").append(s.plantedNegatives()).append(" | ").append(s.truePositives()).append(" | ")
                    .append(s.falsePositives()).append(" | ").append(s.falseNegatives()).append(" | ")
                    .append(s.precision().toPlainString()).append(" | ").append(s.recall().toPlainString()).append(" |\n");
        }
        return b.toString();
    }

    /** Prints the table: {@code java -cp yibao-engine/target/classes org.yibao.engine.supervision.LabelledAnomalies [seed] [examples] [background]}. */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 20261123L;
        int examples = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int background = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        World world = generate(seed, examples, background, LocalDate.of(2026, 1, 5));
        System.out.println("seed " + seed + ": " + world.patients().size() + " persons, " + world.encounters() + " visits, "
                + world.lines() + " lines, " + world.plants().size() + " plants");
        System.out.print(table(evaluate(new SupervisionEngine(KnowledgeBase.demo()), world)));
    }

    // ---- background --------------------------------------------------------------------------

    private void background() {
        Patient p = person(random.nextBoolean() ? "1" : "2", 20 + random.nextInt(60));
        String institution = pick(at.level1(), at.level2(), at.level3(), at.level2Alone());
        LocalDate first = day(0, 120);
        add(p, outpatient(institution, first, List.of(consultation(first), drug(AMOXICILLIN, first, 5))));
        LocalDate admission = day(150, 200);
        add(p, stay(pick(at.level2(), at.level3(), at.level2Alone(), at.level1()), admission, 4 + random.nextInt(3), List.of("K35.800")));
        LocalDate later = day(250, 350);
        add(p, outpatient(pick(at.level1(), at.level2()), later, List.of(consultation(later), drug(SALINE, later, null))));
    }

    // ---- line rules --------------------------------------------------------------------------

    /** GZ0101: a male-only drug for a woman (+) or a man (−). */
    private void sex(boolean positive) {
        Patient p = person(positive ? "2" : "1", 30 + random.nextInt(40));
        LocalDate d = day(0, 360);
        Encounter e = add(p, outpatient(pick(at.level1(), at.level2()), d, List.of(consultation(d), drug(FINASTERIDE, d, 30))));
        plant("GZ0101", positive, e, positive ? "非那雄胺 for a woman" : "非那雄胺 for a man");
    }

    /** GZ0102: a drug for children up to 14 for a 15-year-old (+) or a 14-year-old (−). */
    private void age(boolean positive) {
        LocalDate d = day(0, 360);
        Patient p = new Patient(id("P"), "1", d.minusYears(positive ? 15 : 14).minusDays(1 + random.nextInt(300)), null);
        patients.put(p.id(), p);
        Encounter e = add(p, outpatient(at.level1(), d, List.of(consultation(d), drug(PAEDIATRIC_COLD, d, 3))));
        plant("GZ0102", positive, e, positive ? "children's drug at 15" : "children's drug at 14");
    }

    /** GZ0103: a level-2 drug at a level-1 centre (+) or at a level-2 hospital (−). */
    private void level(boolean positive) {
        Patient p = person("1", 40);
        LocalDate d = day(0, 360);
        Encounter e = add(p, outpatient(positive ? at.level1() : at.level2(), d, List.of(consultation(d), drug(CEFUROXIME, d, null))));
        plant("GZ0103", positive, e, positive ? "头孢呋辛 at level 1" : "头孢呋辛 at level 2");
    }

    /** GZ0104: amoxicillin (at most 7 days) for 8 days (+) or 7 (−). */
    private void daysSupplied(boolean positive) {
        Patient p = person("2", 35);
        LocalDate d = day(0, 360);
        Encounter e = add(p, outpatient(at.level1(), d, List.of(consultation(d), drug(AMOXICILLIN, d, positive ? 8 : 7))));
        plant("GZ0104", positive, e, positive ? "amoxicillin 8 days" : "amoxicillin 7 days");
    }

    // ---- visit rules -------------------------------------------------------------------------

    /** GZ0201: an enhanced CT and a plain CT on the same day (+) or on two days of the stay (−). */
    private void duplicatePair(boolean positive) {
        Patient p = person("1", 55);
        LocalDate adm = day(0, 340);
        List<Line> extra = new ArrayList<>();
        extra.add(line(CT_ENHANCED, adm.plusDays(1), "1", "420.00"));
        extra.add(line(CT, positive ? adm.plusDays(1) : adm.plusDays(3), "1", "180.00"));
        Encounter e = add(p, stay(at.level3(), adm, 5, List.of("J18.900"), extra));
        plant("GZ0201", positive, e, positive ? "CT增强 + CT平扫 same day" : "CT增强 and CT平扫 two days apart");
    }

    /** GZ0202: a suture charged on the day of the appendectomy (+) or two days later (−). */
    private void decomposed(boolean positive) {
        Patient p = person("2", 30);
        LocalDate adm = day(0, 340);
        List<Line> extra = List.of(line(APPENDECTOMY, adm.plusDays(1), "1", "1200.00"),
                line(SUTURE, positive ? adm.plusDays(1) : adm.plusDays(3), "1", "80.00"));
        Encounter e = add(p, stay(at.level2(), adm, 5, List.of("K35.800"), extra));
        plant("GZ0202", positive, e, positive ? "suture with the appendectomy" : "suture two days later");
    }

    /** GZ0203: two outpatient consultations in one visit (+), or one charged, refunded and charged again (−). */
    private void frequency(boolean positive) {
        Patient p = person("1", 45);
        LocalDate d = day(0, 360);
        List<Line> lines = new ArrayList<>();
        if (positive) {
            lines.add(line(OUTPATIENT_CONSULTATION, d, "2", "40.00"));
        } else {
            lines.add(line(OUTPATIENT_CONSULTATION, d, "1", "20.00"));
            lines.add(line(OUTPATIENT_CONSULTATION, d, "-1", "-20.00"));
            lines.add(line(OUTPATIENT_CONSULTATION, d, "1", "20.00"));
        }
        Encounter e = add(p, outpatient(at.level2(), d, lines));
        plant("GZ0203", positive, e, positive ? "consultation × 2" : "consultation refunded and charged again");
    }

    /** GZ0204: three consecutive days with only bed, consultation and nursing (+) or two (−). */
    private void hangingBed(boolean positive) {
        Patient p = person("1", 70);
        LocalDate adm = day(0, 340);
        int idle = positive ? 3 : 2;
        int days = idle + 2;
        Encounter e = add(p, stay(at.level2Alone(), 2, null, at.region(), adm, days, List.of("I63.900"), List.of(), i -> i == 0 || i == days - 1));
        plant("GZ0204", positive, e, idle + " bed-only days");
    }

    /** GZ0205: a drug dated the day after discharge (+) or on the discharge day (−). */
    private void outsideStay(boolean positive) {
        Patient p = person("2", 60);
        LocalDate adm = day(0, 340);
        int days = 5;
        Encounter e = add(p, stay(at.level3(), adm, days, List.of("I10.x00"), List.of(drug(SALINE, adm.plusDays(days + (positive ? 1 : 0)), null))));
        plant("GZ0205", positive, e, positive ? "a charge the day after discharge" : "a charge on the discharge day");
    }

    // ---- person rules ------------------------------------------------------------------------

    /**
     * GZ0301: readmission to the same hospital 14 days after discharge (+); 16 days (even examples) or
     * dialysis after 10 (odd examples) (−), so that two examples per rule cover both negatives.
     */
    private void readmission(boolean positive, int n) {
        Patient p = person("1", 65);
        LocalDate adm = day(0, 300);
        Encounter first = add(p, stay(at.level3(), adm, 5, List.of("J44.100")));
        boolean dialysis = !positive && n % 2 == 1;
        int gap = positive ? 14 : dialysis ? 10 : 16;
        Encounter second = add(p, stay(at.level3(), first.dischargeDate().plusDays(gap), 5, List.of(dialysis ? DIALYSIS_DIAGNOSIS : "J44.100")));
        plant("GZ0301", positive, second, dialysis ? "dialysis 10 days later" : "readmitted " + gap + " days later");
    }

    /** GZ0302: stays in two cities that overlap (+), or a transfer on the discharge day (−). */
    private void concurrentCare(boolean positive) {
        Patient p = person("2", 58);
        LocalDate adm = day(0, 330);
        Encounter first = add(p, stay(at.level3(), adm, 5, List.of("I21.900")));
        LocalDate other = positive ? adm.plusDays(2) : first.dischargeDate();
        Encounter second = add(p, stay(at.otherCity(), other, 5, List.of("I21.900")));
        plant("GZ0302", positive, second, positive ? "overlapping stays in two cities" : "transfer on the discharge day");
    }

    /** GZ0303: metformin 3 × 37 days in 60 days (111 > 108 in 90 days, +), or 3 × 35 days in 70 days (105, −). */
    private void supplyWindow(boolean positive) {
        Patient p = person("1", 62);
        LocalDate d = day(0, 250);
        int every = positive ? 30 : 35;
        int supply = positive ? 37 : 35;
        Encounter last = null;
        for (int i = 0; i < 3; i++) {
            LocalDate v = d.plusDays((long) i * every);
            last = add(p, outpatient(at.level1(), v, List.of(consultation(v), drug(METFORMIN, v, supply))));
        }
        plant("GZ0303", positive, last, positive ? "111 days of metformin in 90" : "105 days of metformin in 90");
    }

    /**
     * GZ0304: a plain CT again 5 days later in the same alliance (+); 8 days later (even examples) or
     * outside the alliance (odd examples) (−).
     */
    private void repeatedExam(boolean positive, int n) {
        Patient p = person("2", 50);
        LocalDate d = day(0, 340);
        add(p, outpatient(at.level3(), d, List.of(consultation(d), line(CT, d, "1", "180.00"))));
        boolean outside = !positive && n % 2 == 1;
        LocalDate again = d.plusDays(positive || outside ? 5 : 8);
        Encounter second = add(p, outpatient(outside ? at.level2Alone() : at.level2(), again, List.of(consultation(again), line(CT, again, "1", "180.00"))));
        plant("GZ0304", positive, second, outside ? "CT again after 5 days outside the alliance" : "CT again after " + (positive ? 5 : 8) + " days");
    }

    // ---- institution indicators --------------------------------------------------------------

    /**
     * ZB0001: in a region (or level) of its own, an institution whose average stay is 1.6 × (+) or 1.4 × (−) that of
     * its two same-level peers (stays of 5 days; its own 8 or 7 days), five stays each, all admitted in one quarter:
     * the run after settlement compares institutions per quarter, as it does the CT positive rate.
     */
    private void lengthOfStay(boolean positive, int n) {
        PeerGroup g = at.lengthOfStay().apply(positive, n);
        LocalDate some = day(0, 300);
        LocalDate quarter = LocalDate.of(some.getYear(), (some.getMonthValue() - 1) / 3 * 3 + 1, 1);
        for (String peer : List.of(g.peerA(), g.peerB())) {
            for (int i = 0; i < 5; i++) {
                Patient p = person("1", 50);
                add(p, stay(peer, g.level(), null, g.region(), quarter.plusDays(random.nextInt(80)), 5, List.of("J18.900"), List.of(), day -> true));
            }
        }
        for (int i = 0; i < 5; i++) {
            Patient p = person("2", 50);
            add(p, stay(g.subject(), g.level(), null, g.region(), quarter.plusDays(random.nextInt(80)), positive ? 8 : 7, List.of("J18.900"), List.of(), day -> true));
        }
        plants.add(new Plant("ZB0001", positive, g.subject(), positive ? "stays 1.6 × peers" : "stays 1.4 × peers"));
    }

    /** ZB0002: an institution with 20 reported CTs in a quarter, 5 positive (25 %, +) or 7 positive (35 %, −). */
    private void positiveRate(boolean positive, int n) {
        String institution = at.positiveRate().apply(positive, n);
        LocalDate some = day(0, 360);
        LocalDate quarter = LocalDate.of(some.getYear(), (some.getMonthValue() - 1) / 3 * 3 + 1, 1);
        int quarterDays = (int) java.time.temporal.ChronoUnit.DAYS.between(quarter, quarter.plusMonths(3));
        int positives = positive ? 5 : 7;
        for (int i = 0; i < 20; i++) {
            Patient p = person(random.nextBoolean() ? "1" : "2", 45);
            LocalDate d = quarter.plusDays(random.nextInt(quarterDays));
            add(p, new Encounter(id("V"), p.id(), institution, 2, null, at.region(), false, d, null, List.of(),
                    List.of(consultation(d), line(CT, d, "1", "180.00").withExamResult(i < positives))));
        }
        plants.add(new Plant("ZB0002", positive, institution, positive ? "CT positive rate 25 %" : "CT positive rate 35 %"));
    }

    // ---- builders ----------------------------------------------------------------------------

    private Patient person(String sex, int age) {
        Patient p = new Patient(id("P"), sex, start.minusYears(age).minusDays(random.nextInt(365)), null);
        patients.put(p.id(), p);
        return p;
    }

    private Encounter add(Patient p, Encounter e) {
        Encounter owned = new Encounter(e.id(), p.id(), e.institutionCode(), e.institutionLevel(), e.allianceCode(), e.regionCode(),
                e.inpatient(), e.admissionDate(), e.dischargeDate(), e.diagnoses(), e.lines());
        visits.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(owned);
        return owned;
    }

    private void plant(String ruleId, boolean positive, Encounter subject, String description) {
        plants.add(new Plant(ruleId, positive, subject.id(), description));
    }

    private Encounter outpatient(String institution, LocalDate day, List<Line> lines) {
        return new Encounter(id("V"), "-", institution, at.levelOf(institution), at.allianceOf(institution), at.regionOf(institution), false, day, null,
                List.of(), lines);
    }

    private Encounter stay(String institution, LocalDate admission, int days, List<String> diagnoses) {
        return stay(institution, admission, days, diagnoses, List.of());
    }

    private Encounter stay(String institution, LocalDate admission, int days, List<String> diagnoses, List<Line> extra) {
        return stay(institution, at.levelOf(institution), at.allianceOf(institution), at.regionOf(institution), admission, days, diagnoses, extra, i -> true);
    }

    /**
     * A stay of {@code days} nights with bed, ward consultation and nursing every day but the discharge day, and a
     * treatment on the days {@code treated} accepts (counted from 0).
     */
    private Encounter stay(String institution, Integer level, String alliance, String region, LocalDate admission, int days,
                           List<String> diagnoses, List<Line> extra, java.util.function.IntPredicate treated) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate d = admission.plusDays(i);
            lines.add(line(BED, d, "1", "60.00"));
            lines.add(line(WARD_CONSULTATION, d, "1", "30.00"));
            lines.add(line(NURSING, d, "1", "25.00"));
            if (treated.test(i)) {
                lines.add(drug(SALINE, d, null));
            }
        }
        lines.addAll(extra);
        return new Encounter(id("V"), "-", institution, level, alliance, region, true, admission, admission.plusDays(days), diagnoses, lines);
    }

    private Line consultation(LocalDate d) {
        return line(OUTPATIENT_CONSULTATION, d, "1", "20.00");
    }

    private Line drug(String code, LocalDate d, Integer daysSupplied) {
        Money amount = Money.ofFen(500 + random.nextInt(9_500));
        return new Line(lineId(), code, null, d, org.yibao.engine.money.Quantity.of("1"), null, amount, daysSupplied, null);
    }

    private Line line(String code, LocalDate d, String quantity, String amount) {
        return Line.of(lineId(), code, d, quantity, amount);
    }

    private String lineId() {
        return "L" + (++sequence);
    }

    private String id(String prefix) {
        return prefix + String.format("%09d", ++sequence);
    }

    private LocalDate day(int from, int to) {
        return start.plusDays(from + random.nextInt(to - from + 1));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }
}
