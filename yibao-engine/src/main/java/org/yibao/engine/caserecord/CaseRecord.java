package org.yibao.engine.caserecord;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.yibao.engine.drg.DrgCase;

/**
 * The fields of a 4101 case record (医疗保障基金结算清单) that quality control and grouping read, with
 * clear Java names; the national field names are in each component's Javadoc. Anything may be missing
 * ({@code null} or blank): finding that is the job of the checks.
 *
 * @param mdtrtId {@code setlinfo.mdtrt_id} 就诊ID
 * @param psnNo {@code setlinfo.psn_no} 人员编号
 * @param sex {@code setlinfo.gend} 性别: 1 male, 2 female
 * @param birthDate {@code setlinfo.brdy} 出生日期
 * @param ageYears {@code setlinfo.age} 年龄, as sent
 * @param newbornBirthWeightGrams {@code setlinfo.nwb_bir_wt} 新生儿出生体重 (g)
 * @param admissionTime {@code setlinfo.adm_time} 入院时间
 * @param dischargeTime {@code setlinfo.dscg_time} 出院时间
 * @param lengthOfStayDays {@code setlinfo.act_ipt_days} 实际住院天数
 * @param dischargeWay {@code setlinfo.dscg_way} 离院方式 (1 医嘱离院 … 5 死亡, 9 其他)
 * @param diagnoses {@code diseinfo[]}, in the order sent
 * @param operations {@code oprninfo[]}, in the order sent
 */
public record CaseRecord(String mdtrtId, String psnNo, String sex, LocalDate birthDate, Integer ageYears,
        Integer newbornBirthWeightGrams, LocalDateTime admissionTime, LocalDateTime dischargeTime, Integer lengthOfStayDays,
        String dischargeWay, List<Diagnosis> diagnoses, List<Operation> operations) {

    public CaseRecord {
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    /**
     * One {@code diseinfo} item.
     *
     * @param code {@code diag_code} 诊断代码 (ICD-10 医保版 2.0)
     * @param name {@code diag_name}
     * @param main {@code maindiag_flag} = 1: the principal diagnosis (主要诊断)
     */
    public record Diagnosis(String code, String name, boolean main) {}

    /**
     * One {@code oprninfo} item.
     *
     * @param code {@code oprn_oprt_code} 手术操作代码 (ICD-9-CM-3 医保版 2.0)
     * @param name {@code oprn_oprt_name}
     * @param main {@code oprn_oprt_type} = 1: the main operation (主要手术操作)
     * @param begin {@code oprn_oprt_begntime}
     * @param end {@code oprn_oprt_endtime}
     */
    public record Operation(String code, String name, boolean main, LocalDateTime begin, LocalDateTime end) {}

    /** Age in whole days on the day of admission, or null when a date is missing. */
    public Integer ageDaysAtAdmission() {
        if (birthDate == null || admissionTime == null) {
            return null;
        }
        return (int) ChronoUnit.DAYS.between(birthDate, admissionTime.toLocalDate());
    }

    /** Age in whole years on the day of admission, or null when a date is missing. */
    public Integer ageYearsAtAdmission() {
        if (birthDate == null || admissionTime == null) {
            return null;
        }
        return (int) ChronoUnit.YEARS.between(birthDate, admissionTime.toLocalDate());
    }

    /**
     * The grouper's input (README §1 of the tables): the principal diagnosis first, then the others in the
     * order sent; the main operation first, then the others. Ages are worked out from the birth date at
     * admission (the sent {@code age} when the dates are missing).
     */
    public DrgCase toDrgCase() {
        List<String> dx = new ArrayList<>();
        diagnoses.stream().filter(Diagnosis::main).map(d -> blankToEmpty(d.code())).forEach(dx::add);
        diagnoses.stream().filter(d -> !d.main()).map(d -> blankToEmpty(d.code())).forEach(dx::add);
        List<String> proc = new ArrayList<>();
        operations.stream().filter(Operation::main).map(o -> blankToEmpty(o.code())).forEach(proc::add);
        operations.stream().filter(o -> !o.main()).map(o -> blankToEmpty(o.code())).forEach(proc::add);
        Integer years = ageYearsAtAdmission();
        Integer days = ageDaysAtAdmission();
        int y = years != null ? years : ageYears != null ? ageYears : 0;
        int d = days != null ? days : y * 365;
        return new DrgCase(blankToEmpty(mdtrtId), blankToEmpty(sex), y, d,
                newbornBirthWeightGrams == null ? 0 : newbornBirthWeightGrams, "",
                lengthOfStayDays == null ? 0 : lengthOfStayDays, blankToEmpty(dischargeWay), dx, proc);
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
