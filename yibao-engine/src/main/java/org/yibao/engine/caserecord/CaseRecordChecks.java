package org.yibao.engine.caserecord;

import static org.yibao.engine.caserecord.Finding.Severity.BLOCKING;
import static org.yibao.engine.caserecord.Finding.Severity.WARNING;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yibao.engine.drg.DrgTables;

/**
 * The quality-control policies of R-PAY-4, each a small named check. Sex, age and principal-diagnosis
 * restrictions are not separate tables in CHS-DRG 1.1; they are read from the grouper's own lists, so a
 * check never contradicts the grouping: a principal diagnosis only MDCM (男性生殖系统) accepts is
 * male-specific; one only MDCN (女性生殖系统) or MDCO (妊娠、分娩及产褥期) accepts is female-specific;
 * one only MDCP (新生儿) accepts is perinatal; a code no MDC accepts cannot lead a case into an MDC.
 */
public final class CaseRecordChecks {

    private CaseRecordChecks() {}

    /** All checks, in the order a coder would fix them. */
    public static List<CaseRecordCheck> all(DrgTables tables) {
        return List.of(new RequiredFields(), new MainDiagnosisAndOperation(), new ValidCodes(tables), new CodedValues(),
                new PrincipalDiagnosisValidity(tables), new SexAgainstCodes(tables), new AgeAgainstCodes(tables),
                new NewbornWeight(), new DatesAndLengthOfStay());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    /** A check that reads the grouper version's dictionaries and lists. */
    abstract static class AgainstTables implements CaseRecordCheck {
        final DrgTables tables;

        AgainstTables(DrgTables tables) {
            this.tables = tables;
        }
    }

    /** QC-REQ: the fields grouping and payment need are present. */
    public static final class RequiredFields implements CaseRecordCheck {
        @Override
        public List<Finding> check(CaseRecord r) {
            List<Finding> out = new ArrayList<>();
            require(out, "setlinfo.mdtrt_id", "就诊ID", r.mdtrtId());
            require(out, "setlinfo.psn_no", "人员编号", r.psnNo());
            require(out, "setlinfo.gend", "性别", r.sex());
            require(out, "setlinfo.brdy", "出生日期", r.birthDate());
            require(out, "setlinfo.adm_time", "入院时间", r.admissionTime());
            require(out, "setlinfo.dscg_time", "出院时间", r.dischargeTime());
            require(out, "setlinfo.act_ipt_days", "实际住院天数", r.lengthOfStayDays());
            require(out, "setlinfo.dscg_way", "离院方式", r.dischargeWay());
            if (r.diagnoses().isEmpty()) {
                out.add(new Finding("QC-REQ-2", BLOCKING, "diseinfo", "",
                        "The record has no diagnosis. Send diseinfo with the principal diagnosis (主要诊断, maindiag_flag=1) and the other diagnoses."));
            }
            for (int i = 0; i < r.diagnoses().size(); i++) {
                if (blank(r.diagnoses().get(i).code())) {
                    out.add(new Finding("QC-REQ-3", BLOCKING, "diseinfo[" + i + "].diag_code", "",
                            "A diagnosis has no code. Code it with ICD-10 医保版 2.0 or remove the item."));
                }
            }
            for (int i = 0; i < r.operations().size(); i++) {
                if (blank(r.operations().get(i).code())) {
                    out.add(new Finding("QC-REQ-3", BLOCKING, "oprninfo[" + i + "].oprn_oprt_code", "",
                            "An operation has no code. Code it with ICD-9-CM-3 医保版 2.0 or remove the item."));
                }
            }
            return out;
        }

        private static void require(List<Finding> out, String field, String chinese, Object value) {
            if (value == null || value instanceof String s && s.isBlank()) {
                out.add(new Finding("QC-REQ-1", BLOCKING, field, "",
                        field + " (" + chinese + ") is required for DRG/DIP grouping and payment. Fill it in and upload the record again."));
            }
        }
    }

    /** QC-DX-1 / QC-OP-1: exactly one principal diagnosis; at most one main operation, which the grouper reads first. */
    public static final class MainDiagnosisAndOperation implements CaseRecordCheck {
        @Override
        public List<Finding> check(CaseRecord r) {
            List<Finding> out = new ArrayList<>();
            long mains = r.diagnoses().stream().filter(CaseRecord.Diagnosis::main).count();
            if (!r.diagnoses().isEmpty() && mains != 1) {
                out.add(new Finding("QC-DX-1", BLOCKING, "diseinfo[].maindiag_flag", Long.toString(mains),
                        "Exactly one diagnosis must be the principal diagnosis (主要诊断, maindiag_flag=1); found " + mains
                                + ". Mark the one condition chiefly responsible for the stay."));
            }
            long mainOps = r.operations().stream().filter(CaseRecord.Operation::main).count();
            if (mainOps > 1) {
                out.add(new Finding("QC-OP-1", BLOCKING, "oprninfo[].oprn_oprt_type", Long.toString(mainOps),
                        "At most one operation can be the main operation (主要手术操作, oprn_oprt_type=1); found " + mainOps
                                + ". Keep the main one and mark the others 2."));
            } else if (mainOps == 0 && !r.operations().isEmpty()) {
                out.add(new Finding("QC-OP-2", WARNING, "oprninfo[].oprn_oprt_type", "0",
                        "No operation is marked main (oprn_oprt_type=1); the first one sent, " + text(r.operations().get(0).code())
                                + ", is grouped as the main operation. Mark the main operation if it is another one."));
            }
            return out;
        }
    }

    /** QC-CODE: every code is in the grouper version's dictionaries; no diagnosis is coded twice. */
    public static final class ValidCodes extends AgainstTables {
        public ValidCodes(DrgTables tables) {
            super(tables);
        }

        @Override
        public List<Finding> check(CaseRecord r) {
            List<Finding> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.diagnoses().size(); i++) {
                String code = r.diagnoses().get(i).code();
                if (blank(code)) {
                    continue;
                }
                if (!tables.isDiagnosis(code)) {
                    out.add(new Finding("QC-CODE-1", BLOCKING, "diseinfo[" + i + "].diag_code", code,
                            "Diagnosis code " + code + " is not in ICD-10 医保版 2.0 (" + tables.version()
                                    + "). Use the 医保版 2.0 code, with its extension (e.g. K35.800x001), exactly as the dictionary spells it."));
                } else if (!seen.add(code)) {
                    out.add(new Finding("QC-CODE-3", WARNING, "diseinfo[" + i + "].diag_code", code,
                            "Diagnosis " + code + " (" + tables.diagnosisName(code) + ") is coded more than once. Remove the repeat."));
                }
            }
            for (int i = 0; i < r.operations().size(); i++) {
                String code = r.operations().get(i).code();
                if (!blank(code) && !tables.isProcedure(code)) {
                    out.add(new Finding("QC-CODE-2", BLOCKING, "oprninfo[" + i + "].oprn_oprt_code", code,
                            "Operation code " + code + " is not in ICD-9-CM-3 医保版 2.0 (" + tables.version()
                                    + "). Use the 医保版 2.0 code exactly as the dictionary spells it."));
                }
            }
            return out;
        }
    }

    /** QC-VAL: coded setlinfo values are from their code tables (NATIONAL_INTERFACE §4). */
    public static final class CodedValues implements CaseRecordCheck {
        private static final Set<String> DISCHARGE_WAYS = Set.of("1", "2", "3", "4", "5", "9");

        @Override
        public List<Finding> check(CaseRecord r) {
            List<Finding> out = new ArrayList<>();
            String sex = r.sex();
            if (!blank(sex) && !sex.equals("1") && !sex.equals("2")) {
                boolean unknown = sex.equals("0") || sex.equals("9");
                out.add(new Finding("QC-VAL-1", unknown ? WARNING : BLOCKING, "setlinfo.gend", sex,
                        unknown ? "Sex is recorded as unknown (" + sex + "); the DRG rules for male and female diagnoses cannot apply. "
                                + "Record 1 (男) or 2 (女) if known."
                                : "Sex must be 1 (男) or 2 (女); " + sex + " is not a code of gend."));
            }
            if (!blank(r.dischargeWay()) && !DISCHARGE_WAYS.contains(r.dischargeWay())) {
                out.add(new Finding("QC-VAL-2", BLOCKING, "setlinfo.dscg_way", r.dischargeWay(),
                        "Discharge way (离院方式) must be 1 医嘱离院, 2 医嘱转院, 3 医嘱转社区/乡镇卫生院, 4 非医嘱离院, 5 死亡 or 9 其他."));
            }
            return out;
        }
    }

    /**
     * QC-PDX: the principal diagnosis can lead the case into an MDC. External causes (V01–Y98) are in no
     * MDC's list and are never principal (blocking); any other code no MDC accepts groups to 0000 unless
     * the main operation is a pre-MDC one (warning).
     */
    public static final class PrincipalDiagnosisValidity extends AgainstTables {
        public PrincipalDiagnosisValidity(DrgTables tables) {
            super(tables);
        }

        @Override
        public List<Finding> check(CaseRecord r) {
            int index = principalIndex(r);
            if (index < 0) {
                return List.of();
            }
            String code = r.diagnoses().get(index).code();
            if (blank(code) || !tables.isDiagnosis(code) || !tables.mdcsAcceptingPrincipal(code).isEmpty()) {
                return List.of();
            }
            String field = "diseinfo[" + index + "].diag_code";
            if ("VWXY".indexOf(code.charAt(0)) >= 0) {
                return List.of(new Finding("QC-PDX-1", BLOCKING, field, code,
                        code + " (" + tables.diagnosisName(code) + ") is an external cause (损伤中毒的外部原因, V01–Y98); it says how an "
                                + "injury happened and cannot be the principal diagnosis. Make the injury itself (chapter S/T) principal "
                                + "and keep " + code + " as another diagnosis."));
            }
            return List.of(new Finding("QC-PDX-2", WARNING, field, code,
                    code + " (" + tables.diagnosisName(code) + ") is in no MDC's principal-diagnosis list of " + tables.version()
                            + ": the case groups to 0000 (无法入组) unless its main operation is a pre-MDC one. Check that the principal "
                            + "diagnosis is the most specific code (often an extended code such as A00.000x001)."));
        }
    }

    /** QC-SEX: diagnoses specific to one sex, as the grouper's MDCM, MDCN and MDCO lists define them. */
    public static final class SexAgainstCodes extends AgainstTables {
        public SexAgainstCodes(DrgTables tables) {
            super(tables);
        }

        @Override
        public List<Finding> check(CaseRecord r) {
            String sex = r.sex();
            if (!"1".equals(sex) && !"2".equals(sex)) {
                return List.of();
            }
            List<Finding> out = new ArrayList<>();
            int principal = principalIndex(r);
            for (int i = 0; i < r.diagnoses().size(); i++) {
                String code = r.diagnoses().get(i).code();
                if (blank(code)) {
                    continue;
                }
                String only = specificSex(code);
                if (only == null || only.equals(sex)) {
                    continue;
                }
                boolean isPrincipal = i == principal;
                out.add(new Finding(isPrincipal ? "QC-SEX-1" : "QC-SEX-2", isPrincipal ? BLOCKING : WARNING,
                        "diseinfo[" + i + "].diag_code", code,
                        code + " (" + tables.diagnosisName(code) + ") is a " + (only.equals("1") ? "male" : "female")
                                + "-specific diagnosis, but setlinfo.gend is " + sex + " (" + (sex.equals("1") ? "男" : "女")
                                + "). Correct the sex or the diagnosis code."));
            }
            return out;
        }

        /** "1" for a male-specific code, "2" for a female-specific one, null otherwise. */
        private String specificSex(String code) {
            List<String> mdcs = tables.mdcsAcceptingPrincipal(code);
            if (mdcs.contains("MDCO") || mdcs.contains("MDCN") && !mdcs.contains("MDCM")) {
                return "2";
            }
            return mdcs.contains("MDCM") && !mdcs.contains("MDCN") ? "1" : null;
        }
    }

    /** QC-AGE: a perinatal principal diagnosis for an older patient; an age that disagrees with the birth date. */
    public static final class AgeAgainstCodes extends AgainstTables {
        public AgeAgainstCodes(DrgTables tables) {
            super(tables);
        }

        @Override
        public List<Finding> check(CaseRecord r) {
            List<Finding> out = new ArrayList<>();
            Integer years = r.ageYearsAtAdmission();
            int principal = principalIndex(r);
            if (years != null && years >= 1 && principal >= 0) {
                String code = r.diagnoses().get(principal).code();
                if (!blank(code) && tables.mdcsAcceptingPrincipal(code).equals(List.of("MDCP"))) {
                    out.add(new Finding("QC-AGE-1", WARNING, "diseinfo[" + principal + "].diag_code", code,
                            code + " (" + tables.diagnosisName(code) + ") is a perinatal (新生儿) diagnosis, which groups only for "
                                    + "patients under one year (MDCP); this patient is " + years + " at admission. Check the birth date or "
                                    + "code the condition the patient has now."));
                }
            }
            if (years != null && r.ageYears() != null && !r.ageYears().equals(years)) {
                out.add(new Finding("QC-AGE-2", WARNING, "setlinfo.age", r.ageYears().toString(),
                        "Age " + r.ageYears() + " does not match the birth date " + r.birthDate() + " at admission (" + years
                                + " years). Grouping uses the birth date; correct whichever is wrong."));
            }
            return out;
        }
    }

    /** QC-NWB: a newborn (≤ 28 days at admission) needs a plausible birth weight in grams. */
    public static final class NewbornWeight implements CaseRecordCheck {
        /** The grouper's newborn rule: age 0 and at most 28 days (README §2). */
        static final int NEWBORN_DAYS = 28;
        /** Plausible birth weights; outside them the unit (kg for g) is the usual mistake. */
        static final int MIN_GRAMS = 300;
        static final int MAX_GRAMS = 7000;

        @Override
        public List<Finding> check(CaseRecord r) {
            Integer days = r.ageDaysAtAdmission();
            Integer grams = r.newbornBirthWeightGrams();
            if (days != null && days >= 0 && days <= NEWBORN_DAYS && (grams == null || grams <= 0)) {
                return List.of(new Finding("QC-NWB-1", BLOCKING, "setlinfo.nwb_bir_wt", text(grams),
                        "The patient is a newborn (" + days + " days old at admission): the birth weight (新生儿出生体重, grams) is "
                                + "required; without it the case cannot be grouped (信息校验不通过)."));
            }
            if (grams != null && grams > 0 && (grams < MIN_GRAMS || grams > MAX_GRAMS)) {
                return List.of(new Finding("QC-NWB-2", WARNING, "setlinfo.nwb_bir_wt", grams.toString(),
                        "A birth weight of " + grams + " g is outside " + MIN_GRAMS + "–" + MAX_GRAMS + " g. The unit is grams "
                                + "(3.2 kg is 3200); correct it if it was entered in another unit."));
            }
            return List.of();
        }
    }

    /** QC-DATE: dates in order and the length of stay they imply. */
    public static final class DatesAndLengthOfStay implements CaseRecordCheck {
        @Override
        public List<Finding> check(CaseRecord r) {
            List<Finding> out = new ArrayList<>();
            LocalDateTime adm = r.admissionTime();
            LocalDateTime dscg = r.dischargeTime();
            if (r.birthDate() != null && adm != null && r.birthDate().isAfter(adm.toLocalDate())) {
                out.add(new Finding("QC-DATE-2", BLOCKING, "setlinfo.brdy", r.birthDate().toString(),
                        "The birth date is after the admission time " + adm + ". Correct the birth date or the admission time."));
            }
            if (adm == null || dscg == null) {
                return out;
            }
            if (dscg.isBefore(adm)) {
                out.add(new Finding("QC-DATE-1", BLOCKING, "setlinfo.dscg_time", dscg.toString(),
                        "The discharge time is before the admission time " + adm + ". Correct one of them."));
                return out;
            }
            long days = ChronoUnit.DAYS.between(adm.toLocalDate(), dscg.toLocalDate());
            Integer stated = r.lengthOfStayDays();
            // 实际住院天数 = discharge date − admission date; a stay within one day counts as 0 or 1.
            if (stated != null && stated != days && !(days == 0 && stated == 1)) {
                out.add(new Finding("QC-DATE-3", BLOCKING, "setlinfo.act_ipt_days", stated.toString(),
                        "The length of stay is " + stated + " days, but admission " + adm.toLocalDate() + " to discharge "
                                + dscg.toLocalDate() + " is " + days + ". Send act_ipt_days = " + days + " or correct the dates."));
            }
            for (int i = 0; i < r.operations().size(); i++) {
                CaseRecord.Operation o = r.operations().get(i);
                if (o.begin() != null && (o.begin().isBefore(adm) || o.begin().isAfter(dscg))) {
                    out.add(new Finding("QC-DATE-4", WARNING, "oprninfo[" + i + "].oprn_oprt_begntime", o.begin().toString(),
                            "Operation " + text(o.code()) + " begins outside the stay (" + adm + " to " + dscg
                                    + "). Check the operation time."));
                }
                if (o.begin() != null && o.end() != null && o.end().isBefore(o.begin())) {
                    out.add(new Finding("QC-DATE-5", WARNING, "oprninfo[" + i + "].oprn_oprt_endtime", o.end().toString(),
                            "Operation " + text(o.code()) + " ends before it begins (" + o.begin() + "). Check the operation times."));
                }
            }
            return out;
        }
    }

    /** The index of the one principal diagnosis, or -1 when there is none or more than one. */
    static int principalIndex(CaseRecord r) {
        int found = -1;
        for (int i = 0; i < r.diagnoses().size(); i++) {
            if (r.diagnoses().get(i).main()) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }
}
