package org.yibao.server.demo.internal;

import java.util.List;

/**
 * The clinical mix of the demo history: inpatient conditions with their case-record codes (ICD-10
 * 医保版 2.0 diagnoses and ICD-9-CM-3 procedures of the CHS-DRG 1.1 dictionaries, so the DRG issue can
 * group them), lengths of stay and costs, and the outpatient diagnoses. Costs are in yuan at a level-2
 * hospital; level 1 costs about 60% of that and level 3 about 160% (cost ∝ level).
 */
final class HistoryConditions {

    private HistoryConditions() {}

    record Code(String code, String name) {}

    /**
     * One inpatient condition.
     *
     * @param weight   relative frequency among admissions of eligible persons
     * @param sex      "1"/"2" when only one sex has it, null otherwise
     * @param minAge   youngest age (years) it occurs at
     * @param maxAge   oldest age it occurs at
     * @param minLevel lowest hospital level that treats it
     * @param costL2   typical total cost in yuan at level 2
     */
    record Condition(Code diagnosis, List<Code> secondary, List<Code> procedures, int weight, String sex, int minAge,
                     int maxAge, int minLevel, int minDays, int maxDays, int costL2) {
        boolean surgical() {
            return !procedures.isEmpty();
        }
    }

    private static Code c(String code, String name) {
        return new Code(code, name);
    }

    static final Code HYPERTENSION = c("I10.x00", "特发性（原发性）高血压");
    static final Code DIABETES = c("E11.900", "2型糖尿病");

    /** Comorbidities recorded as secondary diagnoses of older patients. */
    static final List<Code> COMORBIDITIES = List.of(HYPERTENSION, DIABETES, c("I25.100", "动脉硬化性心脏病"));

    static final List<Condition> INPATIENT = List.of(
            new Condition(c("K35.800", "急性阑尾炎，其他未特指"), List.of(), List.of(c("47.0100", "腹腔镜下阑尾切除术")),
                    60, null, 5, 80, 1, 4, 8, 12_000),
            new Condition(c("J18.900", "肺炎"), List.of(), List.of(), 140, null, 0, 99, 1, 5, 12, 8_000),
            new Condition(c("I50.900", "心力衰竭"), List.of(HYPERTENSION), List.of(), 60, null, 55, 99, 1, 7, 14, 14_000),
            new Condition(c("O80.000", "头位顺产"), List.of(c("Z37.000", "单一活产")), List.of(c("73.6x01", "会阴侧切缝合术")),
                    50, "2", 20, 42, 1, 2, 4, 5_000),
            new Condition(c("O82.000", "经选择性剖宫产术的分娩"), List.of(c("Z37.000", "单一活产")),
                    List.of(c("74.1x01", "剖宫产术，子宫下段横切口")), 35, "2", 20, 45, 2, 4, 7, 11_000),
            new Condition(c("K81.000", "急性胆囊炎"), List.of(c("K80.200", "胆囊结石不伴有胆囊炎")),
                    List.of(c("51.2300", "腹腔镜下胆囊切除术")), 45, null, 25, 90, 2, 5, 9, 16_000),
            new Condition(c("I63.900", "脑梗死"), List.of(HYPERTENSION), List.of(), 80, null, 45, 99, 2, 10, 18, 18_000),
            new Condition(c("J44.100", "慢性阻塞性肺病伴有急性加重"), List.of(), List.of(), 70, null, 50, 99, 1, 7, 14, 10_000),
            new Condition(c("S72.000", "股骨颈骨折"), List.of(), List.of(c("79.3500", "股骨骨折开放性复位术伴内固定")),
                    30, null, 50, 99, 2, 10, 20, 35_000),
            new Condition(c("H25.900", "老年性白内障"), List.of(), List.of(c("13.4100x001", "白内障超声乳化抽吸术")),
                    50, null, 55, 99, 2, 2, 4, 7_000),
            new Condition(c("I20.000", "不稳定型心绞痛"), List.of(c("I25.100", "动脉硬化性心脏病")),
                    List.of(c("36.0700", "药物洗脱冠状动脉支架置入"), c("00.6600", "经皮冠状动脉腔内血管成形术[PTCA]")),
                    40, null, 45, 95, 3, 5, 9, 45_000),
            new Condition(c("M17.900", "膝关节病"), List.of(), List.of(c("81.5400", "全部膝关节置换")), 20, null, 55, 90, 3, 10, 16,
                    60_000),
            new Condition(c("N40.x00", "前列腺增生"), List.of(), List.of(c("60.2900x004", "经尿道前列腺等离子电切术")),
                    25, "1", 55, 99, 2, 6, 10, 15_000),
            new Condition(c("A09.000", "传染性病因的胃肠炎和结肠炎，其他和未特指的"), List.of(), List.of(), 60, null, 0, 99, 1, 3, 6,
                    3_500),
            new Condition(c("J20.900", "急性支气管炎"), List.of(), List.of(), 50, null, 0, 14, 1, 4, 7, 3_000),
            new Condition(c("E11.900", "2型糖尿病"), List.of(HYPERTENSION), List.of(), 50, null, 35, 99, 1, 7, 12, 7_000),
            new Condition(c("I21.900", "急性心肌梗死"), List.of(HYPERTENSION), List.of(c("36.0700", "药物洗脱冠状动脉支架置入")),
                    20, null, 40, 99, 3, 7, 12, 55_000));

    /** General-outpatient diagnoses (med_type 11). */
    static final List<Code> OUTPATIENT = List.of(
            c("J06.900", "急性上呼吸道感染"), c("J06.900", "急性上呼吸道感染"), c("J20.900", "急性支气管炎"),
            c("A09.000", "传染性病因的胃肠炎和结肠炎，其他和未特指的"), c("K29.700", "胃炎"), c("R10.400", "腹痛，其他和未特指的"),
            HYPERTENSION, DIABETES, c("M17.900", "膝关节病"), c("N39.000", "泌尿道感染"));
}
