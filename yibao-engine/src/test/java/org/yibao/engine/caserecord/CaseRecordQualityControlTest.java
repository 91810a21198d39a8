package org.yibao.engine.caserecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yibao.engine.drg.DrgCase;
import org.yibao.engine.drg.DrgGrouper;
import org.yibao.engine.drg.DrgTables;
import org.yibao.engine.drg.GrouperVersion;

/** R-PAY-4: each quality-control check on a 4101 case record, passing and failing. */
class CaseRecordQualityControlTest {

    static final DrgTables TABLES = DrgTables.load(GrouperVersion.CHS_DRG_1_1);
    static final CaseRecordQualityControl QC = new CaseRecordQualityControl(TABLES);

    /** A clean record: a 30-year-old woman's appendectomy, five days in hospital. */
    static final class Draft {
        String mdtrtId = "M0001";
        String psnNo = "99010000000000000001";
        String sex = "2";
        LocalDate birth = LocalDate.of(1996, 3, 1);
        Integer age = 30;
        Integer weight;
        LocalDateTime adm = LocalDateTime.of(2026, 3, 2, 8, 0);
        LocalDateTime dscg = LocalDateTime.of(2026, 3, 7, 10, 0);
        Integer days = 5;
        String way = "1";
        List<CaseRecord.Diagnosis> dx = new ArrayList<>(List.of(new CaseRecord.Diagnosis("K35.800x001", "急性阑尾炎", true)));
        List<CaseRecord.Operation> ops = new ArrayList<>(List.of(new CaseRecord.Operation("47.0901", "阑尾切除术", true,
                LocalDateTime.of(2026, 3, 3, 9, 0), LocalDateTime.of(2026, 3, 3, 10, 30))));

        Draft dx(String code, boolean main) {
            dx.add(new CaseRecord.Diagnosis(code, "", main));
            return this;
        }

        CaseRecord build() {
            return new CaseRecord(mdtrtId, psnNo, sex, birth, age, weight, adm, dscg, days, way, dx, ops);
        }

        QualityReport check() {
            return QC.check(build());
        }
    }

    static Draft record() {
        return new Draft();
    }

    @Test
    void aCleanRecordHasNoFindingsAndGroupsAsTheAppendectomyItIs() {
        CaseRecord r = record().build();
        assertThat(QC.check(r).findings()).isEmpty();
        assertThat(QC.check(r).blocking()).isFalse();
        assertThat(new DrgGrouper(TABLES).group(r.toDrgCase()).drg()).isEqualTo("GD25");
    }

    @Nested
    class RequiredFields {
        @Test
        void eachMissingSetlinfoFieldIsBlockingAndNamed() {
            Draft d = record();
            d.sex = " ";
            d.dscg = null;
            d.way = null;
            QualityReport q = d.check();
            assertThat(q.of("QC-REQ-1")).extracting(Finding::field)
                    .containsExactly("setlinfo.gend", "setlinfo.dscg_time", "setlinfo.dscg_way");
            assertThat(q.blocking()).isTrue();
            assertThat(q.of("QC-REQ-1").get(0).message()).contains("性别").contains("Fill it in");
        }

        @Test
        void aRecordWithoutDiagnosesOrWithAnUncodedItemIsBlocking() {
            Draft none = record();
            none.dx.clear();
            assertThat(none.check().of("QC-REQ-2")).hasSize(1);
            Draft uncoded = record().dx("", false);
            uncoded.ops.add(new CaseRecord.Operation(null, "", false, null, null));
            assertThat(uncoded.check().of("QC-REQ-3")).extracting(Finding::field)
                    .containsExactly("diseinfo[1].diag_code", "oprninfo[1].oprn_oprt_code");
        }
    }

    @Nested
    class MainDiagnosisAndOperation {
        @Test
        void twoPrincipalDiagnosesOrNoneAreBlocking() {
            assertThat(record().dx("A00.100", true).check().of("QC-DX-1")).singleElement()
                    .satisfies(f -> assertThat(f.value()).isEqualTo("2"));
            Draft none = record();
            none.dx.set(0, new CaseRecord.Diagnosis("K35.800x001", "", false));
            assertThat(none.check().of("QC-DX-1")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.BLOCKING));
        }

        @Test
        void twoMainOperationsAreBlockingAndNoneMarkedIsAWarning() {
            Draft two = record();
            two.ops.add(new CaseRecord.Operation("89.0100", "", true, null, null));
            assertThat(two.check().of("QC-OP-1")).hasSize(1);
            Draft unmarked = record();
            unmarked.ops.set(0, new CaseRecord.Operation("47.0901", "", false, null, null));
            assertThat(unmarked.check().of("QC-OP-2")).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
            assertThat(record().check().of("QC-OP-2")).isEmpty();
        }
    }

    @Nested
    class ValidCodes {
        @Test
        void aDiagnosisOutsideIcd10OfTheVersionIsBlocking() {
            QualityReport q = record().dx("K35.8", false).check();
            assertThat(q.of("QC-CODE-1")).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("diseinfo[1].diag_code");
                assertThat(f.message()).contains("not in ICD-10 医保版 2.0 (chs-drg-1.1)");
            });
        }

        @Test
        void anOperationOutsideIcd9Cm3IsBlockingAndAProcedureCodeIsNotADiagnosis() {
            Draft d = record();
            d.ops.add(new CaseRecord.Operation("K35.800x001", "", false, null, null));
            assertThat(d.check().of("QC-CODE-2")).extracting(Finding::field).containsExactly("oprninfo[1].oprn_oprt_code");
        }

        @Test
        void aRepeatedDiagnosisIsAWarning() {
            assertThat(record().dx("K35.800x001", false).check().of("QC-CODE-3")).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
            assertThat(record().dx("A00.100", false).check().of("QC-CODE-3")).isEmpty();
        }
    }

    @Nested
    class CodedValues {
        @Test
        void sexOutsideTheCodesIsBlockingAndUnknownIsAWarning() {
            Draft bad = record();
            bad.sex = "F";
            assertThat(bad.check().of("QC-VAL-1")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.BLOCKING));
            Draft unknown = record();
            unknown.sex = "9";
            assertThat(unknown.check().of("QC-VAL-1")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
        }

        @Test
        void aDischargeWayOutsideTheCodesIsBlocking() {
            Draft d = record();
            d.way = "6";
            assertThat(d.check().of("QC-VAL-2")).hasSize(1);
        }
    }

    @Nested
    class PrincipalDiagnosis {
        @Test
        void anExternalCauseAsPrincipalIsBlocking() {
            Draft d = record();
            String externalCause = firstDictionaryCode("W");
            d.dx.set(0, new CaseRecord.Diagnosis(externalCause, "", true));
            assertThat(d.check().of("QC-PDX-1")).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("external cause").contains("chapter S/T"));
        }

        @Test
        void anExternalCauseAsAnotherDiagnosisIsFine() {
            assertThat(record().dx(firstDictionaryCode("W"), false).check().findings()).isEmpty();
        }

        @Test
        void aPrincipalNoMdcAcceptsIsAWarningThatTheCaseGroupsTo0000() {
            Draft d = record();
            d.dx.set(0, new CaseRecord.Diagnosis("A00.000", "", true));
            d.ops.clear();
            assertThat(d.check().of("QC-PDX-2")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
            assertThat(new DrgGrouper(TABLES).group(d.build().toDrgCase()).drg()).isEqualTo("0000");
        }

        @Test
        void noExternalCauseCodeIsInAnyPrincipalDiagnosisList() throws Exception {
            // The table fact QC-PDX-1 rests on: V01–Y98 lead no case into an MDC.
            try (var lines = Files.lines(Path.of("../../shared/data/chs-drg-1.1/icd10.tsv"))) {
                List<String> externalCauses = lines.skip(1).map(l -> l.split("\t")[0]).filter(c -> "VWXY".indexOf(c.charAt(0)) >= 0).toList();
                assertThat(externalCauses).hasSizeGreaterThan(1000);
                assertThat(externalCauses).allSatisfy(c -> assertThat(TABLES.mdcsAcceptingPrincipal(c)).isEmpty());
            }
        }
    }

    @Nested
    class SexAgainstCodes {
        @Test
        void aMaleSpecificPrincipalForAWomanIsBlocking() {
            Draft d = record();
            d.dx.set(0, new CaseRecord.Diagnosis("N40.x00", "", true)); // 前列腺增生: only MDCM accepts it
            assertThat(d.check().of("QC-SEX-1")).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Finding.Severity.BLOCKING);
                assertThat(f.message()).contains("male-specific").contains("gend is 2");
            });
            d.sex = "1";
            assertThat(d.check().of("QC-SEX-1")).isEmpty();
        }

        @Test
        void aPregnancyDiagnosisForAManIsFlaggedAndAsASecondaryOnlyWarned() {
            String pregnancy = "O80.000"; // 头位顺产: only MDCO accepts it
            assertThat(TABLES.mdcsAcceptingPrincipal(pregnancy)).containsExactly("MDCO");
            Draft d = record().dx(pregnancy, false);
            d.sex = "1";
            assertThat(d.check().of("QC-SEX-2")).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING));
            d.sex = "2";
            assertThat(d.check().of("QC-SEX-2")).isEmpty();
        }

        @Test
        void aCodeBothSexesCanHaveIsNotFlagged() {
            // C79.800x228 is in both the MDCM and the MDCN lists.
            Draft d = record();
            d.dx.set(0, new CaseRecord.Diagnosis("C79.800x228", "", true));
            d.sex = "1";
            assertThat(d.check().of("QC-SEX-1")).isEmpty();
        }
    }

    @Nested
    class AgeAgainstCodes {
        @Test
        void aPerinatalPrincipalForAnAdultIsAWarning() {
            Draft d = record();
            d.dx.set(0, new CaseRecord.Diagnosis("P07.300x011", "", true));
            assertThat(d.check().of("QC-AGE-1")).singleElement().satisfies(f -> assertThat(f.message()).contains("is 30 at admission"));
            d.birth = LocalDate.of(2026, 2, 1);
            d.age = 0;
            d.weight = 2900;
            assertThat(d.check().of("QC-AGE-1")).isEmpty();
        }

        @Test
        void anAgeThatDisagreesWithTheBirthDateIsAWarning() {
            Draft d = record();
            d.age = 31;
            assertThat(d.check().of("QC-AGE-2")).singleElement().satisfies(f -> assertThat(f.message()).contains("(30 years)"));
        }
    }

    @Nested
    class NewbornWeight {
        @Test
        void aNewbornWithoutBirthWeightIsBlockingAsTheGrouperRefusesIt() {
            Draft d = record();
            d.birth = LocalDate.of(2026, 2, 20); // 10 days at admission
            d.age = 0;
            d.dx.set(0, new CaseRecord.Diagnosis("P07.300x011", "", true));
            assertThat(d.check().of("QC-NWB-1")).singleElement().satisfies(f -> assertThat(f.message()).contains("10 days old"));
            assertThat(new DrgGrouper(TABLES).group(d.build().toDrgCase()).status().name()).isEqualTo("CHECK_FAILED");
            d.weight = 2900;
            assertThat(d.check().of("QC-NWB-1")).isEmpty();
        }

        @Test
        void aNewbornOf29DaysNeedsNoWeight() {
            Draft d = record();
            d.birth = LocalDate.of(2026, 2, 1);
            d.age = 0;
            assertThat(d.check().of("QC-NWB-1")).isEmpty();
        }

        @Test
        void aWeightInKilogramsIsAWarning() {
            Draft d = record();
            d.weight = 3;
            assertThat(d.check().of("QC-NWB-2")).singleElement().satisfies(f -> assertThat(f.message()).contains("3200"));
        }
    }

    @Nested
    class DatesAndLengthOfStay {
        @Test
        void dischargeBeforeAdmissionIsBlocking() {
            Draft d = record();
            d.dscg = d.adm.minusHours(1);
            assertThat(d.check().of("QC-DATE-1")).hasSize(1);
        }

        @Test
        void birthAfterAdmissionIsBlocking() {
            Draft d = record();
            d.birth = LocalDate.of(2026, 3, 5);
            assertThat(d.check().of("QC-DATE-2")).hasSize(1);
        }

        @Test
        void aLengthOfStayThatDisagreesWithTheDatesIsBlockingAndSaysTheRightNumber() {
            Draft d = record();
            d.days = 6;
            assertThat(d.check().of("QC-DATE-3")).singleElement().satisfies(f -> assertThat(f.message()).contains("act_ipt_days = 5"));
        }

        @Test
        void aSameDayStayMayCountAsOneDay() {
            Draft d = record();
            d.dscg = d.adm.plusHours(8);
            d.ops.clear();
            d.days = 1;
            assertThat(d.check().of("QC-DATE-3")).isEmpty();
            d.days = 0;
            assertThat(d.check().of("QC-DATE-3")).isEmpty();
        }

        @Test
        void anOperationOutsideTheStayOrEndingBeforeItBeginsIsAWarning() {
            Draft d = record();
            d.ops.set(0, new CaseRecord.Operation("47.0901", "", true, LocalDateTime.of(2026, 3, 8, 9, 0), LocalDateTime.of(2026, 3, 8, 8, 0)));
            QualityReport q = d.check();
            assertThat(q.of("QC-DATE-4")).hasSize(1);
            assertThat(q.of("QC-DATE-5")).hasSize(1);
            assertThat(q.blocking()).isFalse();
        }
    }

    @Test
    void theGrouperInputPutsThePrincipalAndMainOperationFirstAndAgesFromTheBirthDate() {
        Draft d = record();
        d.dx.add(0, new CaseRecord.Diagnosis("A00.100", "", false));
        d.ops.add(0, new CaseRecord.Operation("89.0100", "", false, null, null));
        DrgCase c = d.build().toDrgCase();
        assertThat(c.diagnoses()).containsExactly("K35.800x001", "A00.100");
        assertThat(c.procedures()).containsExactly("47.0901", "89.0100");
        assertThat(c.ageYears()).isEqualTo(30);
        assertThat(c.ageDays()).isEqualTo(10958);
        assertThat(c.losDays()).isEqualTo(5);
    }

    static String firstDictionaryCode(String prefix) {
        try (var lines = Files.lines(Path.of("../../shared/data/chs-drg-1.1/icd10.tsv"))) {
            return lines.skip(1).map(l -> l.split("\t")[0]).filter(c -> c.startsWith(prefix)).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
