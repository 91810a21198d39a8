package org.yibao.server.familydoctor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.insured.Persons;
import org.yibao.server.platform.audit.AuditTrail;

/**
 * Family-doctor contracts, follow-ups and the standard-management rate (R-INS-4). Every change is
 * audited with who made it: a staff user, or the centre calling with its signed key.
 */
@Service
public class FamilyDoctors {

    /** Key of the region's chronic list for hypertension (高血压). */
    public static final String HYPERTENSION = "I10";
    static final String COMMUNITY = "COMMUNITY";
    static final String HOSPITAL = "HOSPITAL";

    /** Who asks: a staff user (centre = null, any centre may be named) or a centre with its access key. */
    public record Caller(String actor, String centreCode) {
        public static Caller staff() {
            return new Caller(AuditTrail.currentActor(), null);
        }

        public static Caller centre(String fixmedinsCode, String accessKey) {
            return new Caller(fixmedinsCode + "/" + accessKey, fixmedinsCode);
        }

        boolean isCentre() {
            return centreCode != null;
        }
    }

    /** A contract to record; dates default to today and one year. */
    public record NewContract(String personNo, String kind, String communityCode, String districtCode, String cityCode,
                              LocalDate beginDate, LocalDate endDate) {}

    /** A follow-up to record. */
    public record NewFollowUp(String personNo, LocalDate date, Integer systolic, Integer diastolic, String doctorName) {}

    private static final String CONTRACT_COLUMNS =
            "id, psn_no, kind, community_code, district_code, city_code, begin_date, end_date, recorded_at, cancelled_at, cancel_reason";
    private static final String FOLLOW_UP_COLUMNS =
            "id, psn_no, contract_id, fixmedins_code, follow_up_date, systolic, diastolic, doctor_name, recorded_at";

    private final JdbcClient jdbc;
    private final Institutions institutions;
    private final Persons persons;
    private final AuditTrail audit;
    private final Clock clock;

    FamilyDoctors(JdbcClient jdbc, Institutions institutions, Persons persons, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.institutions = institutions;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a contract. The centre must be a community health centre (kind COMMUNITY); a TRIPLE
     * contract also names a district hospital (level 2) and a city hospital (level 3); a centre calling
     * may only sign for itself; a person has at most one contract not cancelled at any one time.
     */
    @Transactional
    public Contract sign(NewContract c, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        String psnNo = required("psn_no", c.personNo());
        String kind = c.kind() == null || c.kind().isBlank() ? Contract.BASIC : c.kind().trim().toUpperCase(java.util.Locale.ROOT);
        String centre = c.communityCode() == null || c.communityCode().isBlank() ? caller.centreCode() : c.communityCode().trim();
        if (centre == null) {
            throw FamilyDoctorRefusal.invalid("community_code", "请填写签约的社区卫生服务中心编码（community_code）");
        }
        if (caller.isCentre() && !centre.equals(caller.centreCode())) {
            throw FamilyDoctorRefusal.invalid("community_code", "只能以本机构 " + caller.centreCode() + " 为签约社区卫生服务中心，不能为 " + centre + " 签约");
        }
        LocalDate begin = c.beginDate() == null ? today : c.beginDate();
        LocalDate end = c.endDate() == null ? begin.plusYears(1).minusDays(1) : c.endDate();
        if (end.isBefore(begin)) {
            throw FamilyDoctorRefusal.invalid("end_date", "签约结束日期 " + end + " 早于开始日期 " + begin);
        }
        if (end.isAfter(begin.plusYears(5))) {
            throw FamilyDoctorRefusal.invalid("end_date", "签约期限最长 5 年（一般为 1 年）");
        }
        Institution community = institution("community_code", centre, begin);
        if (!COMMUNITY.equals(community.kind())) {
            throw FamilyDoctorRefusal.invalid("community_code", community.name() + "（" + centre + "）不是社区卫生服务中心，不能作为家庭医生签约机构");
        }
        String district = blankToNull(c.districtCode());
        String city = blankToNull(c.cityCode());
        switch (kind) {
            case Contract.BASIC -> {
                if (district != null || city != null) {
                    throw FamilyDoctorRefusal.invalid("kind", "基础签约（BASIC）只有社区卫生服务中心；签约区级和市级医院请用 1+1+1（TRIPLE）");
                }
            }
            case Contract.TRIPLE -> {
                hospital("district_code", district, 2, "区级医院（二级）", begin);
                hospital("city_code", city, 3, "市级医院（三级）", begin);
            }
            default -> throw FamilyDoctorRefusal.invalid("kind", "签约类型应为 BASIC（基础签约）或 TRIPLE（1+1+1），收到 " + kind);
        }
        if (persons.find(psnNo, begin).isEmpty()) {
            throw FamilyDoctorRefusal.notFound("psn_no", "参保人 " + psnNo + " 不存在或在 " + begin + " 未参保");
        }
        // One contract per person at a time: serialise signings of the same person, then look.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('family_doctor_contract:' || ?))").param(psnNo).query((rs, n) -> 1).list();
        Optional<Contract> overlapping = jdbc.sql("select " + CONTRACT_COLUMNS + " from family_doctor_contract"
                        + " where psn_no = ? and cancelled_at is null and begin_date <= ? and end_date >= ? order by begin_date limit 1")
                .params(psnNo, end, begin).query(FamilyDoctors::contract).optional();
        if (overlapping.isPresent()) {
            Contract o = overlapping.get();
            boolean own = caller.centreCode() == null || o.communityCode().equals(caller.centreCode());
            throw FamilyDoctorRefusal.conflict("psn_no", "参保人 " + psnNo + " 在 " + o.beginDate() + " 至 " + o.endDate() + " 已有有效的家庭医生签约"
                    + (own ? "（签约编号 " + o.id() + "）" : "（其他机构）") + "，每人同一时间只能有一个签约；须先解约");
        }
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into family_doctor_contract (psn_no, kind, community_code, district_code, city_code, begin_date, end_date,
                                                            recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(psnNo, kind, centre, district, city, begin, end, Timestamp.from(now), caller.actor())
                .query(Long.class).single();
        Contract created = contract(id).orElseThrow();
        audit.recordAs(caller.actor(), "CREATE", "family_doctor_contract", String.valueOf(id), begin, null, created);
        return created;
    }

    /** Cancels a contract (解约) from now on; a centre may cancel only its own contracts. */
    @Transactional
    public Contract cancel(long contractId, String reason, Caller caller) {
        Contract before = contract(contractId)
                .filter(c -> !caller.isCentre() || c.communityCode().equals(caller.centreCode()))
                .orElseThrow(() -> FamilyDoctorRefusal.notFound("contract_id", "签约 " + contractId + " 不存在"
                        + (caller.isCentre() ? "或不属于本机构 " + caller.centreCode() + "（只有签约的社区卫生服务中心可以解约）" : "")));
        String why = blankToNull(reason);
        if (why != null && why.length() > 200) {
            throw FamilyDoctorRefusal.invalid("reason", "解约原因最长 200 字");
        }
        int updated = jdbc.sql("update family_doctor_contract set cancelled_at = ?, cancelled_by = ?, cancel_reason = ? where id = ? and cancelled_at is null")
                .params(Timestamp.from(clock.instant()), caller.actor(), why, contractId).update();
        if (updated == 0) {
            throw FamilyDoctorRefusal.conflict("contract_id", "签约 " + contractId + " 已于 " + before.cancelledAt() + " 解约");
        }
        Contract after = contract(contractId).orElseThrow();
        audit.recordAs(caller.actor(), "CANCEL", "family_doctor_contract", String.valueOf(contractId), null, before, after);
        return after;
    }

    /**
     * Records a monthly blood-pressure follow-up by a centre: the person must have an I10 recognition
     * and a contract with the centre in force on the follow-up date; one per person and calendar month
     * (a second is refused, since only one would count toward the management norm).
     */
    @Transactional
    public FollowUp recordFollowUp(NewFollowUp f, Caller caller) {
        String psnNo = required("psn_no", f.personNo());
        if (f.date() == null) {
            throw FamilyDoctorRefusal.invalid("follow_up_date", "请填写随访日期（follow_up_date，YYYY-MM-DD）");
        }
        LocalDate date = f.date();
        if (date.isAfter(LocalDate.now(clock))) {
            throw FamilyDoctorRefusal.invalid("follow_up_date", "随访日期 " + date + " 晚于今天，只能登记已完成的随访");
        }
        if (f.systolic() == null || f.systolic() < 40 || f.systolic() > 300) {
            throw FamilyDoctorRefusal.invalid("systolic", "收缩压（systolic）应为 40–300 mmHg 的整数");
        }
        if (f.diastolic() == null || f.diastolic() < 20 || f.diastolic() > 200 || f.diastolic() >= f.systolic()) {
            throw FamilyDoctorRefusal.invalid("diastolic", "舒张压（diastolic）应为 20–200 mmHg 的整数且低于收缩压");
        }
        String doctor = required("doctor_name", f.doctorName());
        if (doctor.length() > 50) {
            throw FamilyDoctorRefusal.invalid("doctor_name", "医生姓名最长 50 字");
        }
        String centre = caller.centreCode();
        if (centre == null) {
            throw FamilyDoctorRefusal.invalid("fixmedins_code", "随访由签约的社区卫生服务中心登记");
        }
        if (persons.find(psnNo, date).isEmpty()) {
            throw FamilyDoctorRefusal.notFound("psn_no", "参保人 " + psnNo + " 不存在或在 " + date + " 未参保");
        }
        Long contractId = jdbc.sql("select id from family_doctor_contract where psn_no = ? and community_code = ? and cancelled_at is null"
                        + " and begin_date <= ? and end_date >= ? order by begin_date desc, id desc limit 1")
                .params(psnNo, centre, date, date).query(Long.class).optional().orElseThrow(() -> FamilyDoctorRefusal.conflict("psn_no",
                        "参保人 " + psnNo + " 在 " + date + " 没有与本机构 " + centre + " 的有效家庭医生签约，不能登记随访"));
        boolean hypertension = jdbc.sql("select exists (select 1 from chronic_recognition where psn_no = ? and dise_key = ?"
                        + " and cancelled_at is null and begin_date <= ? and end_date >= ?)")
                .params(psnNo, HYPERTENSION, date, date).query(Boolean.class).single();
        if (!hypertension) {
            throw FamilyDoctorRefusal.conflict("psn_no", "参保人 " + psnNo + " 在 " + date + " 没有有效的高血压（I10）门诊慢特病认定，血压随访只为高血压患者登记");
        }
        YearMonth month = YearMonth.from(date);
        Optional<FollowUp> same = jdbc.sql("select " + FOLLOW_UP_COLUMNS + " from family_doctor_follow_up where psn_no = ? and follow_up_month = ?")
                .params(psnNo, month.atDay(1)).query(FamilyDoctors::followUp).optional();
        if (same.isPresent()) {
            throw FamilyDoctorRefusal.conflict("follow_up_date", "参保人 " + psnNo + " 在 " + month.getYear() + " 年 " + month.getMonthValue()
                    + " 月已有随访（" + same.get().date() + "），每人每月只登记一次");
        }
        long id = jdbc.sql("""
                        insert into family_doctor_follow_up (psn_no, contract_id, fixmedins_code, follow_up_date, systolic, diastolic,
                                                             doctor_name, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(psnNo, contractId, centre, date, f.systolic(), f.diastolic(), doctor, Timestamp.from(clock.instant()), caller.actor())
                .query(Long.class).single();
        FollowUp created = jdbc.sql("select " + FOLLOW_UP_COLUMNS + " from family_doctor_follow_up where id = ?").param(id)
                .query(FamilyDoctors::followUp).single();
        audit.recordAs(caller.actor(), "CREATE", "family_doctor_follow_up", String.valueOf(id), date, null, created);
        return created;
    }

    public Optional<Contract> contract(long id) {
        return jdbc.sql("select " + CONTRACT_COLUMNS + " from family_doctor_contract where id = ?").param(id)
                .query(FamilyDoctors::contract).optional();
    }

    /** A person's contracts, latest first; for a centre only those naming it. */
    public List<Contract> contracts(String personNo, String institutionCode) {
        return jdbc.sql("select " + CONTRACT_COLUMNS + " from family_doctor_contract where psn_no = :psn"
                        + " and (cast(:inst as varchar) is null or :inst in (community_code, district_code, city_code))"
                        + " order by begin_date desc, id desc")
                .param("psn", personNo).param("inst", institutionCode).query(FamilyDoctors::contract).list();
    }

    /** A person's follow-ups, latest first; for a centre only those it recorded. */
    public List<FollowUp> followUps(String personNo, String centreCode) {
        return jdbc.sql("select " + FOLLOW_UP_COLUMNS + " from family_doctor_follow_up where psn_no = :psn"
                        + " and (cast(:centre as varchar) is null or fixmedins_code = :centre) order by follow_up_date desc, id desc")
                .param("psn", personNo).param("centre", centreCode).query(FamilyDoctors::followUp).list();
    }

    /** The centre's hypertension standard-management rate for {@code year} (see {@link ManagementRate}). */
    public ManagementRate managementRate(String centreCode, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("centre", centreCode);
        p.put("first", first);
        p.put("last", last);
        p.put("i10", HYPERTENSION);
        return jdbc.sql("""
                        with contracted as (
                            select distinct psn_no from family_doctor_contract
                             where community_code = :centre and cancelled_at is null and begin_date <= :last and end_date >= :first),
                        registered as (
                            select c.psn_no from contracted c
                             where exists (select 1 from chronic_recognition r where r.psn_no = c.psn_no and r.dise_key = :i10
                                             and r.cancelled_at is null and r.begin_date <= :last and r.end_date >= :first)),
                        managed as (
                            select f.psn_no from family_doctor_follow_up f join registered r on r.psn_no = f.psn_no
                             where f.fixmedins_code = :centre and f.follow_up_date between :first and :last
                             group by f.psn_no
                            having count(*) >= 4 and count(distinct extract(quarter from f.follow_up_date)) = 4)
                        select (select count(*) from contracted), (select count(*) from registered), (select count(*) from managed)""")
                .params(p)
                .query((rs, n) -> {
                    int registered = rs.getInt(2);
                    int managed = rs.getInt(3);
                    BigDecimal rate = registered == 0 ? null
                            : BigDecimal.valueOf(managed).divide(BigDecimal.valueOf(registered), 4, RoundingMode.HALF_UP);
                    return new ManagementRate(centreCode, year, rs.getInt(1), registered, managed, rate);
                }).single();
    }

    private Institution institution(String field, String code, LocalDate asOf) {
        return institutions.find(code, asOf)
                .orElseThrow(() -> FamilyDoctorRefusal.invalid(field, "机构 " + code + " 不存在或在 " + asOf + " 不在册"));
    }

    private void hospital(String field, String code, int level, String what, LocalDate asOf) {
        if (code == null) {
            throw FamilyDoctorRefusal.invalid(field, "1+1+1 签约须填写" + what + "编码（" + field + "）");
        }
        Institution h = institution(field, code, asOf);
        if (!HOSPITAL.equals(h.kind()) || h.level() == null || h.level() != level) {
            throw FamilyDoctorRefusal.invalid(field, h.name() + "（" + code + "）不是" + what + "：1+1+1 签约的" + what + "须为 " + level + " 级医院");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw FamilyDoctorRefusal.invalid(field, "请填写 " + field);
        }
        return value.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Contract contract(ResultSet rs, int n) throws SQLException {
        return new Contract(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getString(11));
    }

    private static FollowUp followUp(ResultSet rs, int n) throws SQLException {
        return new FollowUp(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getTimestamp(9).toInstant());
    }
}
