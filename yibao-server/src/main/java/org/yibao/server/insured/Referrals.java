package org.yibao.server.insured;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.insured.internal.FilingSerials;
import org.yibao.server.platform.audit.AuditTrail;
import org.yibao.server.region.Regions;

/**
 * R-INS-5 two-way referrals (双向转诊): a designated medical institution refers a person to another one.
 * Inside one medical alliance no approval is needed; outside it only with the hospital's agreement
 * ({@code hosp_agre_refl_flag}). The receiving institution's next matching admission or registration
 * consumes it (settlement); a consumed referral cannot be cancelled. Used by 2501/2502 (the sending
 * institution's HIS, channel FSI: only it can cancel) and by staff (channel CONSOLE: the sending
 * institution chosen in the form; any referral not consumed can be cancelled, with a reason; audited).
 * A referral to an institution of another pooling region also files the person for care there
 * (R-XR-1, {@link CrossRegionFilings#fileForReferral}: channel HOSPITAL through 2501, COUNTER from
 * staff), and cancelling the referral cancels that filing.
 */
@Service
public class Referrals {

    public static final List<String> REFL_TYPES = List.of("1", "2", "3");
    /** R-INS-5: a referral is valid 90 days unless the client says otherwise. */
    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 365;
    public static final String ENTITY = "referral";

    /**
     * A referral to record.
     *
     * @param fromCode  the sending institution (转出机构)
     * @param toCode    the receiving institution (reflin_medins_no)
     * @param reflType  1 住院, 2 门诊和住院, 3 门诊
     * @param agreed    hosp_agre_refl_flag: the hospital agreed to a referral outside its alliance
     */
    public record Referral(String personNo, String insutype, String fromCode, String toCode, String reflType, String diagCode,
                           boolean agreed, LocalDate beginDate, LocalDate endDate, String channel, String actor) {}

    /** A recorded referral, with the national interface's names. */
    public record Referred(@JsonProperty("trt_dcla_detl_sn") String serial, @JsonProperty("psn_no") String personNo,
                           @JsonProperty("fixmedins_code") String fromCode, @JsonProperty("reflin_medins_no") String toCode,
                           @JsonProperty("refl_type") String reflType, @JsonProperty("diag_code") String diagCode,
                           @JsonProperty("begndate") LocalDate beginDate, @JsonProperty("enddate") LocalDate endDate,
                           @JsonProperty("hosp_agre_refl_flag") boolean agreed, @JsonProperty("channel") String channel,
                           @JsonProperty("recorded_at") Instant recordedAt, @JsonProperty("cancelled_at") Instant cancelledAt,
                           @JsonProperty("memo") String cancelMemo, @JsonProperty("mdtrt_id") String consumedBy) {}

    private static final String COLUMNS = "trt_dcla_detl_sn, psn_no, from_fixmedins_code, to_fixmedins_code, refl_type, diag_code, "
            + "begndate, enddate, hosp_agre_refl_flag, channel, recorded_at, cancelled_at, cancel_memo, consumed_by_mdtrt_id";
    private static final RowMapper<Referred> ROW = (rs, n) -> new Referred(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
            rs.getBoolean(9), rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13),
            rs.getString(14));

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Institutions institutions;
    private final Diseases diseases;
    private final FilingSerials serials;
    private final AuditTrail audit;
    private final Clock clock;
    private final Regions regions;
    private final CrossRegionFilings crossRegion;

    Referrals(JdbcClient jdbc, Persons persons, Institutions institutions, Diseases diseases, FilingSerials serials, AuditTrail audit,
              Clock clock, Regions regions, CrossRegionFilings crossRegion) {
        this.regions = regions;
        this.crossRegion = crossRegion;
        this.jdbc = jdbc;
        this.persons = persons;
        this.institutions = institutions;
        this.diseases = diseases;
        this.serials = serials;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's referrals, newest first, cancelled and consumed ones included. */
    public List<Referred> list(String personNo) {
        return jdbc.sql("select " + COLUMNS + " from referral where psn_no = ? order by recorded_at desc, id desc")
                .param(personNo).query(ROW).list();
    }

    /** Records a referral now. */
    @Transactional
    public Referred refer(Referral r) {
        return refer(r, clock.instant(), person -> {});
    }

    /**
     * Records a referral received at {@code at}; {@code personCheck} adds the caller's own checks of the
     * person found (the national interface's envelope), run before anything is written.
     */
    @Transactional
    public Referred refer(Referral r, Instant at, Consumer<Person> personCheck) {
        Filings.requireChannel(r.channel());
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        if (r.reflType() == null || !REFL_TYPES.contains(r.reflType())) {
            throw new FilingRefused("refl_type", "转诊类型应为 " + String.join("、", REFL_TYPES) + " 之一（1 住院，2 门诊和住院，3 门诊），收到 "
                    + r.reflType());
        }
        LocalDate begin = Objects.requireNonNullElse(r.beginDate(), today);
        LocalDate end = Objects.requireNonNullElse(r.endDate(), begin.plusDays(DEFAULT_DAYS));
        if (begin.isBefore(today.minusDays(30)) || begin.isAfter(today.plusYears(1))) {
            throw new FilingRefused("begndate", "开始日期 " + begin + " 应在 " + today.minusDays(30) + " 至 " + today.plusYears(1) + " 之间");
        }
        if (end.isBefore(begin)) {
            throw new FilingRefused("enddate", "结束日期 " + end + " 早于开始日期 " + begin + "；不填则默认开始日期后 " + DEFAULT_DAYS + " 天");
        }
        if (end.isAfter(begin.plusDays(MAX_DAYS))) {
            throw new FilingRefused("enddate", "有效期最长 " + MAX_DAYS + " 天，结束日期 " + end + " 超过 " + begin.plusDays(MAX_DAYS));
        }
        String diagCode = r.diagCode();
        if (diagCode == null || diseases.disease(diagCode).isEmpty()) {
            throw new FilingRefused("diag_code", "诊断编码 " + diagCode + " 不在医保版 ICD-10 疾病分类中");
        }
        Institution from = Filings.medicalInstitution(institutions, "fixmedins_code", "转出机构", r.fromCode(), today, "转院备案");
        String toCode = r.toCode();
        if (toCode == null || toCode.isBlank()) {
            throw new FilingRefused("reflin_medins_no", "请填写转入机构（定点医疗机构编码）");
        }
        if (toCode.equals(from.fixmedinsCode())) {
            throw new FilingRefused("reflin_medins_no", "转入机构不能是本机构（" + toCode + "）；转院备案由转出机构办理，转入机构须是另一家定点医疗机构");
        }
        Institution to = institutions.find(toCode, begin).filter(Institution::designated)
                .orElseThrow(() -> new FilingRefused("reflin_medins_no", "转入机构 " + toCode + " 不存在或不是定点医疗机构"));
        if ("PHARMACY".equals(to.kind())) {
            throw new FilingRefused("reflin_medins_no", "转入机构 " + toCode + " 是定点零售药店，只能转往定点医疗机构");
        }
        boolean sameAlliance = from.allianceCode() != null && from.allianceCode().equals(to.allianceCode());
        if (!sameAlliance && !r.agreed()) {
            // R-INS-5: inside an alliance no approval; outside it the hospital's agreement is required.
            throw new FilingRefused("hosp_agre_refl_flag", "转出机构与转入机构 " + toCode + " 不在同一医联体，医联体外转诊须经医院同意；"
                    + "医院同意后请以 hosp_agre_refl_flag=1 重新备案");
        }
        Person person = Filings.person(persons, r.personNo(), r.insutype(), begin);
        personCheck.accept(person);
        String serial = serials.next(FilingSerials.Kind.REFERRAL, person.insuredAdmdvs(), today);
        jdbc.sql("""
                        insert into referral (trt_dcla_detl_sn, psn_no, from_fixmedins_code, to_fixmedins_code, refl_type, diag_code,
                            begndate, enddate, hosp_agre_refl_flag, channel, recorded_at)
                        values (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(serial, r.personNo(), from.fixmedinsCode(), toCode, r.reflType(), diagCode, begin, end, r.agreed(), r.channel(),
                        Timestamp.from(at))
                .update();
        Referred created = find(serial).orElseThrow();
        Filings.audit(audit, r.channel(), r.actor(), "CREATE", ENTITY, serial, begin, null, created);
        String home = regions.poolingRegionOf(person.insuredAdmdvs(), begin).orElse(person.insuredAdmdvs());
        String there = regions.poolingRegionOf(to.admdvs(), begin).orElse(to.admdvs());
        if (!there.equals(home)) {
            // R-XR-1: a referral to another pooling region is the referral filing (异地转诊备案) the hospital makes for the person.
            boolean fsi = "FSI".equals(r.channel());
            crossRegion.fileForReferral(r.personNo(), there, begin, serial, fsi ? "HOSPITAL" : "COUNTER",
                    fsi ? from.fixmedinsCode() + ":" + r.actor() : (r.actor() == null ? AuditTrail.currentActor() : r.actor()), at);
        }
        return created;
    }

    /**
     * Cancels a referral not yet consumed. Through an institution ({@code via} not null) only the
     * sending institution can, and another institution's referral is answered as unknown; staff
     * ({@code via} null) can cancel any, giving a reason.
     */
    @Transactional
    public Referred cancel(String personNo, String serial, String channel, String actor, String via, String memo, Instant at) {
        Filings.requireChannel(channel);
        if (via == null && (memo == null || memo.isBlank())) {
            throw new FilingRefused("memo", "请填写撤销原因");
        }
        if (memo != null && memo.length() > 200) {
            throw new FilingRefused("memo", "撤销原因最长 200 字");
        }
        Referred before = jdbc.sql("select " + COLUMNS + " from referral where trt_dcla_detl_sn = ? and psn_no = ? "
                        + "and (cast(? as varchar) is null or from_fixmedins_code = ?) for update").params(serial, personNo, via, via)
                .query(ROW).optional()
                .orElseThrow(() -> new FilingRefused("trt_dcla_detl_sn", "转院备案 " + serial + " 不存在"
                        + (via != null ? "（本机构没有为该人员办理此备案）" : "（或不是该人员的备案）")));
        if (before.cancelledAt() != null) {
            throw new FilingRefused("trt_dcla_detl_sn", "转院备案 " + serial + " 已撤销，无需再撤销");
        }
        if (before.consumedBy() != null) {
            throw new FilingRefused("trt_dcla_detl_sn", "转院备案 " + serial + " 已被转入机构的就诊 " + before.consumedBy()
                    + " 使用，不能撤销；须转入机构先撤销该就诊（门诊 2202，住院 2404）");
        }
        jdbc.sql("update referral set cancelled_at = ?, cancel_memo = ? where trt_dcla_detl_sn = ?")
                .params(Timestamp.from(at), memo == null ? null : memo.strip(), serial).update();
        Referred after = find(serial).orElseThrow();
        Filings.audit(audit, channel, actor, "CANCEL", ENTITY, serial, null, before, after);
        boolean fsi = "FSI".equals(channel);
        crossRegion.cancelForReferral(personNo, serial, fsi ? "HOSPITAL" : "COUNTER", fsi ? via + ":" + actor : actor, at);
        return after;
    }

    /** Staff cancel any referral of the person not yet consumed, giving a reason. */
    @Transactional
    public Referred cancel(String personNo, String serial, String actor, String memo) {
        return cancel(personNo, serial, "CONSOLE", actor, null, memo, clock.instant());
    }

    private Optional<Referred> find(String serial) {
        return jdbc.sql("select " + COLUMNS + " from referral where trt_dcla_detl_sn = ?").param(serial).query(ROW).optional();
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
