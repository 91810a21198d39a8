package org.yibao.engine.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The demo knowledge base, the demo cast's codes and small builders for visits. */
final class Fixtures {

    private Fixtures() {}

    static final KnowledgeBase KB = KnowledgeBase.demo();
    static final SupervisionEngine ENGINE = new SupervisionEngine(KB);

    static final String CENTRAL_HOSPITAL = "H99010000002";   // level 2, city alliance
    static final String FIRST_HOSPITAL = "H99010000001";     // level 3, city alliance lead
    static final String EAST_COMMUNITY = "H99010000003";     // level 1, city alliance
    static final String WEST_COMMUNITY = "H99010000004";     // level 1, no alliance
    static final String CITY_ALLIANCE = "A990100001";

    static final String BED = "001103000010000";
    static final String WARD_CONSULTATION = "001102000010000";
    static final String OUTPATIENT_CONSULTATION = "001101000010000";
    static final String CT = "002101000010000";
    static final String APPENDECTOMY = "003102000010000";
    static final String CEFUROXIME = "XJ01DCT013B002010101003";
    static final String METFORMIN = "XA10BAE054A001010101001";
    static final String VALSARTAN = "XC09CAL100A001010101002";
    static final String INFUSION_SET = "C0102030400001010101001";
    /** Generated-catalogue shapes (prefix rows of the demo tables). */
    static final String FINASTERIDE = "XG04CBG031B000000042001";
    static final String PAEDIATRIC_COLD = "XN02BEG034B000000043001";
    static final String AMOXICILLIN = "XJ01CAG015B000000044001";
    static final String SINGLE_ROOM_BED = "13300000045" + "0000";
    static final String NURSING_1 = "13000000046" + "0000";
    static final String SUTURE = "12400000047" + "0000";
    static final String DIALYSIS = "12300000048" + "0000";

    static final LocalDate D = LocalDate.of(2026, 3, 2);

    /** 张敏: F, born 1981-03-15. */
    static final Patient ZHANG_MIN = new Patient("99010000000000000001", "2", LocalDate.of(1981, 3, 15), null);
    /** 李强: M, born 1958-06-20. */
    static final Patient LI_QIANG = new Patient("99010000000000000002", "1", LocalDate.of(1958, 6, 20), null);
    static final Patient CHILD = new Patient("99010000000000009001", "1", LocalDate.of(2016, 5, 1), null);

    /** The demo knowledge base's files (name → text), to parse a changed copy. */
    static java.util.Map<String, String> demoFiles() {
        java.util.Map<String, String> files = new java.util.HashMap<>();
        for (String f : KnowledgeBase.FILES) {
            try (var in = KnowledgeBase.class.getResourceAsStream("/supervision/demo/" + f)) {
                files.put(f, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return files;
    }

    static Line line(String id, String code, LocalDate day, String cnt, String amount) {
        return Line.of(id, code, day, cnt, amount);
    }

    static Encounter outpatient(String id, String institution, int level, LocalDate day, List<Line> lines) {
        return new Encounter(id, "p", institution, level, alliance(institution), "990100", false, day, null, List.of(), lines);
    }

    static Encounter stay(String id, String institution, int level, LocalDate from, LocalDate to, List<String> diagnoses, List<Line> lines) {
        return new Encounter(id, "p", institution, level, alliance(institution), "990100", true, from, to, diagnoses, lines);
    }

    private static String alliance(String institution) {
        return institution.equals(WEST_COMMUNITY) || !institution.startsWith("H9901000") ? null : CITY_ALLIANCE;
    }

    /** Bed, ward consultation and nursing on each of {@code days} days from {@code from}. */
    static List<Line> bedOnlyDays(LocalDate from, int days, String prefix) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate d = from.plusDays(i);
            lines.add(line(prefix + i + "b", BED, d, "1", "60.00"));
            lines.add(line(prefix + i + "c", WARD_CONSULTATION, d, "1", "30.00"));
            lines.add(line(prefix + i + "n", NURSING_1, d, "1", "25.00"));
        }
        return lines;
    }

    static List<Finding> analyse(Stage stage, String ruleId, Patient p, Encounter current, List<Encounter> history) {
        return ENGINE.analyse(stage, null, Set.of(ruleId), p, current, history);
    }

    static List<Finding> post(String ruleId, Patient p, Encounter current, Encounter... history) {
        return analyse(Stage.POST, ruleId, p, current, List.of(history));
    }
}
