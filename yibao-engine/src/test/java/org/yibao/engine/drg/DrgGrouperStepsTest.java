package org.yibao.engine.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each step of the grouping algorithm (README §2–§7), on small cases whose expected groups are read off
 * the tables by hand (the codes and their lists are quoted next to each case).
 */
class DrgGrouperStepsTest {

    private static final DrgGrouper GROUPER = new DrgGrouper(SharedChsDrgData.SHIPPED);

    /** K35.800x001 急性阑尾炎: only in MDCG's PRINCIPAL_DX, in GZ1 DX; cce table 112. */
    static final String APPENDICITIS = "K35.800x001";
    /** K35.200 急性阑尾炎伴有弥漫性腹膜炎: in GD1 DX (perforated, purulent, gangrenous). */
    static final String APPENDICITIS_PERITONITIS = "K35.200";
    /** 47.0901 阑尾切除术: in OR_PROCEDURES, in GD1 and GD2 PROC, in no MDCA list. */
    static final String APPENDECTOMY = "47.0901";
    /** A00.100 霍乱 (埃尔托): a CC of exclusion table 1. */
    static final String CC_TABLE_1 = "A00.100";
    /** K38.000: a CC of exclusion table 112, the appendicitis table. */
    static final String CC_TABLE_112 = "K38.000";

    static DrgCase patient(String sex, int age, List<String> diagnoses, List<String> procedures) {
        return new DrgCase("T1", sex, age, age * 365, 0, "", 5, "1", diagnoses, procedures);
    }

    static DrgCase newborn(int ageDays, int weight, List<String> diagnoses) {
        return new DrgCase("N1", "1", 0, ageDays, weight, "", 5, "1", diagnoses, List.of());
    }

    @Nested
    class MdcOrder {

        @Test
        void mdcsAreTriedInTheOrderOfTheTable() {
            assertThat(SharedChsDrgData.SHIPPED.mdcOrder()).containsExactly("MDCA", "MDCP", "MDCY", "MDCZ", "MDCM", "MDCN",
                    "MDCB", "MDCC", "MDCD", "MDCE", "MDCF", "MDCG", "MDCH", "MDCI", "MDCJ", "MDCK", "MDCL", "MDCO", "MDCQ",
                    "MDCR", "MDCS", "MDCT", "MDCU", "MDCV", "MDCW", "MDCX");
        }

        @Test
        void multipleTraumaInTwoBodyRegionsGoesToMdczBeforeTheNervousSystem() {
            // S01.800x011 is in MDCZ (头颈部创伤) and MDCB; S21.100x002 in MDCZ (胸部创伤): two regions, MDCZ wins.
            GroupingResult r = GROUPER.group(patient("1", 40, List.of("S01.800x011", "S21.100x002"), List.of()));
            assertThat(r.mdc()).isEqualTo("MDCZ");
            // ZZ1 多发性重要创伤无手术: no valid operation; S21.100x002 is only a CC, and ZZ1 splits on MCC.
            assertThat(r.drg()).isEqualTo("ZZ15");
        }

        @Test
        void oneBodyRegionIsNotMultipleTraumaSoTheNextMdcInOrderTakesIt() {
            // One region: MDCZ's entry rule fails, MDCB (order 7) is next; BY1 颅脑损伤, with a CC of another table.
            GroupingResult r = GROUPER.group(patient("1", 40, List.of("S01.800x011", CC_TABLE_1), List.of()));
            assertThat(r.toString()).isEqualTo("BY13,MDCB,BY1,SUCCESS");
        }

        @Test
        void maleGenitalDiagnosisEntersMdcmOnlyForMen() {
            // N40.x00 前列腺增生 is only in MDCM's list (MZ1 DX); the MDCM entry rule needs sex=1.
            assertThat(GROUPER.group(patient("1", 70, List.of("N40.x00"), List.of())).toString()).isEqualTo("MZ19,MDCM,MZ1,SUCCESS");
            assertThat(GROUPER.group(patient("2", 70, List.of("N40.x00"), List.of())).status()).isEqualTo(GroupingStatus.FAIL);
        }

        @Test
        void preMdcComesFirstWhenAnAdrgMatches() {
            // 37.5100 心脏移植 is AA1's PROC: any principal diagnosis, MDCA wins.
            GroupingResult r = GROUPER.group(patient("1", 50, List.of(APPENDICITIS), List.of("37.5100")));
            assertThat(r.toString()).isEqualTo("AA19,MDCA,AA1,SUCCESS");
        }

        @Test
        void aCaseThatEntersMdcaButMatchesNoAdrgFallsThroughToItsPrincipalDiagnosis() {
            // Appendectomy is a valid operation, so MDCA is entered; no A-ADRG lists it: MDCG groups the case.
            GroupingResult r = GROUPER.group(patient("1", 30, List.of(APPENDICITIS), List.of(APPENDECTOMY)));
            assertThat(r.toString()).isEqualTo("GD25,MDCG,GD2,SUCCESS");
            assertThat(r.reasons()).anyMatch(l -> l.contains("MDCA was entered but none of its ADRGs matched"));
        }
    }

    @Nested
    class AdrgMatching {

        @Test
        void aSurgicalAdrgNeedsItsMainProcedure() {
            assertThat(GROUPER.group(patient("2", 30, List.of(APPENDICITIS), List.of(APPENDECTOMY))).adrg()).isEqualTo("GD2");
        }

        @Test
        void anAdrgThatNeedsDiagnosisAndProcedureComesBeforeOneThatNeedsOnlyTheProcedure() {
            // GD1 (order 5): principal_dx in DX and main_proc in PROC; GD2 (order 6): main_proc in PROC.
            assertThat(GROUPER.group(patient("2", 30, List.of(APPENDICITIS_PERITONITIS), List.of(APPENDECTOMY))).drg())
                    .isEqualTo("GD15");
        }

        @Test
        void withoutTheProcedureTheMedicalAdrgOfThePrincipalDiagnosisMatches() {
            assertThat(GROUPER.group(patient("2", 30, List.of(APPENDICITIS), List.of())).toString())
                    .isEqualTo("GZ15,MDCG,GZ1,SUCCESS");
        }

        @Test
        void onlyTheMainProcedureCountsForMainProcRules() {
            // The appendectomy as a secondary procedure does not make a surgical case.
            assertThat(GROUPER.group(patient("2", 30, List.of(APPENDICITIS), List.of("89.0100", APPENDECTOMY))).adrg())
                    .isEqualTo("GZ1");
        }

        @Test
        void newbornWeightBandsPickTheAdrg() {
            // PS1–PS4: any_dx in DX and weight>0 and the birth-weight band and age_days<=28.
            String dx = firstCodeOf("PS1", "DX");
            assertThat(GROUPER.group(newborn(3, 1400, List.of(dx))).adrg()).isEqualTo("PS1");
            assertThat(GROUPER.group(newborn(3, 1500, List.of(dx))).adrg()).isEqualTo("PS2");
            assertThat(GROUPER.group(newborn(3, 2499, List.of(dx))).adrg()).isEqualTo("PS3");
            assertThat(GROUPER.group(newborn(3, 2500, List.of(dx))).adrg()).isEqualTo("PS4");
        }
    }

    @Nested
    class AmbiguousCases {

        @Test
        void qyStepsAreDisabledInChsDrg11() {
            // 00.5500 (a peripheral stent) is a valid operation in no A- or G-ADRG list: the disabled GQY step
            // lets the case reach the medical ADRG of its diagnosis.
            GroupingResult r = GROUPER.group(patient("1", 60, List.of(APPENDICITIS), List.of("00.5500")));
            assertThat(r.toString()).isEqualTo("GZ15,MDCG,GZ1,SUCCESS");
        }

        @Test
        void anEnabledQyStepGivesTheAmbiguousCaseStatus() {
            String adrg = SharedChsDrgData.read("adrg.tsv")
                    .replace("MDCG\t16\tGQY\tQY\t歧义病案 (ambiguous case)\tFALSE and any_proc in OR_PROCEDURES",
                            "MDCG\t16\tGQY\tQY\t歧义病案 (ambiguous case)\tany_proc in OR_PROCEDURES");
            DrgGrouper enabled = new DrgGrouper(SharedChsDrgData.sharedWith("adrg.tsv", adrg));
            GroupingResult r = enabled.group(patient("1", 60, List.of(APPENDICITIS), List.of("00.5500")));
            assertThat(r.toString()).isEqualTo("GQY,MDCG,QY,QY");
            // The surgical ADRGs before it still win.
            assertThat(enabled.group(patient("1", 60, List.of(APPENDICITIS), List.of(APPENDECTOMY))).drg()).isEqualTo("GD25");
        }
    }

    @Nested
    class Ungroupable {

        @Test
        void aPrincipalDiagnosisInNoMdcListWithoutAValidOperationIs0000() {
            // A00.000 is in the ICD-10 dictionary but in no MDC's PRINCIPAL_DX list (the lists carry A00.000x001).
            GroupingResult r = GROUPER.group(patient("1", 30, List.of("A00.000"), List.of()));
            assertThat(r.toString()).isEqualTo("0000,0000,00,FAIL");
            assertThat(r.reasons()).last().asString().contains("0000");
        }

        @Test
        void anEmptyPrincipalDiagnosisWithAProcedureIsUngroupableNotInvalid() {
            // Upstream reads an empty zdList as one empty diagnosis and groups it (sample S100265).
            assertThat(GROUPER.group(patient("2", 75, List.of(""), List.of("40.2900x008"))).status())
                    .isEqualTo(GroupingStatus.FAIL);
        }
    }

    @Nested
    class Validation {

        @Test
        void aMissingSexFailsValidation() {
            GroupingResult r = GROUPER.group(patient("", 40, List.of(APPENDICITIS), List.of()));
            assertThat(r.toString()).isEqualTo("0000,0000,00,CHECK_FAILED");
            assertThat(r.reasons()).singleElement().asString().contains("sex is missing");
        }

        @Test
        void aNewbornOfUpTo28DaysNeedsABirthWeight() {
            assertThat(GROUPER.group(newborn(28, 0, List.of("P07.300x011"))).status()).isEqualTo(GroupingStatus.CHECK_FAILED);
            assertThat(GROUPER.group(newborn(29, 0, List.of("P07.300x011"))).status()).isNotEqualTo(GroupingStatus.CHECK_FAILED);
            assertThat(GROUPER.group(newborn(28, 2900, List.of("P07.300x011"))).status()).isNotEqualTo(GroupingStatus.CHECK_FAILED);
        }

        @Test
        void aCaseWithNeitherDiagnosisNorProcedureIsRefusedRatherThanCrashing() {
            assertThat(GROUPER.group(patient("1", 40, List.of(""), List.of())).status()).isEqualTo(GroupingStatus.CHECK_FAILED);
            assertThat(GROUPER.group(patient("1", 40, List.of(), List.of())).status()).isEqualTo(GroupingStatus.CHECK_FAILED);
        }

        @Test
        void sexIsNormalisedFromDecimalsAndChineseWords() {
            for (String male : List.of("1", "1.0", "男")) {
                assertThat(GROUPER.group(patient(male, 70, List.of("N40.x00"), List.of())).drg()).as(male).isEqualTo("MZ19");
            }
            // 9 (unknown) is valid but neither male nor female, so MDCM's sex=1 does not hold.
            assertThat(GROUPER.group(patient("9", 70, List.of("N40.x00"), List.of())).drg()).isEqualTo("0000");
        }
    }

    @Nested
    class ComplicationsAndExclusions {

        // J80.x00 成人型呼吸窘迫综合征 → ER3 (肺水肿及呼吸衰竭): MCC → ER31, CC_OR_MCC → ER33, else ER35; cce table 106.
        static final String ARDS = "J80.x00";

        @Test
        void aCountingMccGivesTheMccDrg() {
            GroupingResult r = GROUPER.group(patient("1", 60, List.of(ARDS, "A01.100"), List.of()));
            assertThat(r.drg()).isEqualTo("ER31");
            assertThat(r.complications()).containsExactly(new Complication("A01.100", Complication.Kind.MCC, "1", false));
        }

        @Test
        void anMccOfThePrincipalsExclusionTableDoesNotCount() {
            // J81.x00 is an MCC of table 106, the principal's own table.
            GroupingResult r = GROUPER.group(patient("1", 60, List.of(ARDS, "J81.x00"), List.of()));
            assertThat(r.drg()).isEqualTo("ER35");
            assertThat(r.complications()).containsExactly(new Complication("J81.x00", Complication.Kind.MCC, "106", true));
        }

        @Test
        void aRepeatOfThePrincipalAsSecondaryIsExcludedByItsOwnTable() {
            assertThat(GROUPER.group(patient("1", 60, List.of(ARDS, ARDS), List.of())).drg()).isEqualTo("ER35");
        }

        @Test
        void aCountingCcGivesTheCcDrgAndAnExcludedOneDoesNot() {
            assertThat(GROUPER.group(patient("1", 60, List.of(ARDS, CC_TABLE_1), List.of())).drg()).isEqualTo("ER33");
            assertThat(GROUPER.group(patient("1", 60, List.of(ARDS, "J84.000"), List.of())).drg()).isEqualTo("ER35");
        }

        @Test
        void anMccAlsoSatisfiesTheCcSplit() {
            // GD2 splits CC_OR_MCC / ALWAYS: an MCC (not a CC) must still count as "with complications".
            assertThat(GROUPER.group(patient("2", 30, List.of(APPENDICITIS, "A01.100"), List.of(APPENDECTOMY))).drg())
                    .isEqualTo("GD23");
        }

        @Test
        void appendicitisWithACcOfItsOwnTableStaysWithoutComplications() {
            GroupingResult excluded = GROUPER.group(patient("2", 30, List.of(APPENDICITIS, CC_TABLE_112), List.of(APPENDECTOMY)));
            assertThat(excluded.drg()).isEqualTo("GD25");
            assertThat(excluded.complications()).extracting(Complication::excluded).containsExactly(true);
            GroupingResult counted = GROUPER.group(patient("2", 30, List.of(APPENDICITIS, CC_TABLE_1), List.of(APPENDECTOMY)));
            assertThat(counted.drg()).isEqualTo("GD23");
        }

        @Test
        void aPrincipalDiagnosisIsNeverItsOwnComplication() {
            assertThat(GROUPER.group(patient("1", 60, List.of("A01.100"), List.of())).complications()).isEmpty();
        }
    }

    @Nested
    class CodeNormalisation {

        private final DrgGrouper normalising = new DrgGrouper(SharedChsDrgData.SHIPPED, DrgGrouper.CodeNormalisation.ON);

        @Test
        void isOffByDefaultSoAnOldCodeIsUsedAsSent() {
            // A01.000x002 is in no MDC list; icd10_map maps it to A01.003 伤寒杆菌性脓毒症 (MDCS, SR1).
            assertThat(GROUPER.group(patient("1", 40, List.of("A01.000x002"), List.of())).drg()).isEqualTo("0000");
        }

        @Test
        void whenOnDiagnosesAreReadThroughTheMap() {
            GroupingResult r = normalising.group(patient("1", 40, List.of("A01.000x002"), List.of()));
            assertThat(r.toString()).isEqualTo("SR15,MDCS,SR1,SUCCESS");
            assertThat(r.groupedCase().diagnoses()).containsExactly("A01.003");
            assertThat(r.reasons().get(0)).contains("A01.000x002").contains("A01.003");
        }

        @Test
        void whenOnProceduresAreReadThroughTheMap() {
            // icd9cm3_map: 00.6400x007 → 00.6500x014.
            // K35.900 is an older appendicitis code the map reads as K35.800x001.
            GroupingResult r = normalising.group(patient("1", 40, List.of("K35.900"), List.of("00.6400x007")));
            assertThat(r.groupedCase().diagnoses()).containsExactly(APPENDICITIS);
            assertThat(r.groupedCase().procedures()).containsExactly("00.6500x014");
        }

        @Test
        void anUnmappedDiagnosisIsZdNotMapping() {
            GroupingResult r = normalising.group(patient("1", 40, List.of("XX9.999"), List.of(APPENDECTOMY)));
            assertThat(r.toString()).isEqualTo("0000,0000,00,ZD_NOT_MAPPING");
            assertThat(r.reasons()).singleElement().asString().contains("XX9.999").contains("诊断不能转换");
            assertThat(r.complications()).isEmpty();
        }

        @Test
        void anUnmappedProcedureIsSsNotMapping() {
            assertThat(normalising.group(patient("1", 40, List.of("K35.900"), List.of("99.9999x999"))).status())
                    .isEqualTo(GroupingStatus.SS_NOT_MAPPING);
        }

        @Test
        void theMapsReadOlderCodesSoACodeThatIsOnlyATargetIsNotMapped() {
            // README §3 read literally: every diagnosis must be a key of icd10_map. K35.800x001 is a target only.
            assertThat(normalising.group(patient("1", 40, List.of(APPENDICITIS), List.of())).status())
                    .isEqualTo(GroupingStatus.ZD_NOT_MAPPING);
        }

        @Test
        void normalisationRunsBeforeValidation() {
            // An unmapped code is reported even when the case would also fail validation (sex missing).
            assertThat(normalising.group(patient("", 40, List.of("XX9.999"), List.of())).status())
                    .isEqualTo(GroupingStatus.ZD_NOT_MAPPING);
        }
    }

    @Nested
    class PathOfReasons {

        @Test
        void thePathNamesEachDecisionWithTheCodesOfTheCase() {
            List<String> reasons = GROUPER.group(patient("2", 30, List.of(APPENDICITIS, CC_TABLE_1), List.of(APPENDECTOMY)))
                    .reasons();
            assertThat(reasons.get(0)).startsWith("Validation passed");
            assertThat(reasons).anyMatch(l -> l.startsWith("Entered MDCA") && l.contains("47.0901 (阑尾切除术) is in the valid-operation list"));
            assertThat(reasons).anyMatch(l -> l.startsWith("Not MDCP"));
            assertThat(reasons).anyMatch(l -> l.startsWith("Entered MDCG") && l.contains("K35.800x001 (急性阑尾炎) is in PRINCIPAL_DX of MDCG"));
            assertThat(reasons).anyMatch(l -> l.contains("Not ADRG GD1") && l.contains("is not in DX of GD1"));
            assertThat(reasons).anyMatch(l -> l.contains("Matched ADRG GD2"));
            assertThat(reasons).last().asString().startsWith("    DRG GD23").contains("complication (CC or MCC) that is not excluded");
        }

        @Test
        void explainingTwiceGivesTheSamePath() {
            GroupingResult r = GROUPER.group(patient("2", 30, List.of(APPENDICITIS), List.of(APPENDECTOMY)));
            assertThat(r.reasons()).isEqualTo(r.reasons()).isEqualTo(GROUPER.explain(r.sentCase()));
        }
    }

    static String firstCodeOf(String adrg, String list) {
        return SharedChsDrgData.read("adrg_codes.tsv").lines()
                .filter(l -> l.startsWith(adrg + "\t" + list + "\t"))
                .map(l -> l.split("\t")[2]).findFirst().orElseThrow();
    }
}
