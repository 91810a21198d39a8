package org.yibao.server.insured.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.institution.Institution;
import org.yibao.server.institution.Institutions;
import org.yibao.server.insured.Person;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * 2501 转院备案 / 2502 撤销 (R-INS-5): the calling institution refers a person to another designated
 * medical institution. Inside one medical alliance no approval is needed; outside it only with the
 * hospital's agreement ({@code hosp_agre_refl_flag} = 1). The receiving institution's next matching
 * admission or registration consumes it (settlement). Only the sending institution can cancel it,
 * and only while it is unused. Cross-region filings that a referral to another region implies are
 * issue 9, not done here.
 */
@Component
class ReferralTransactions implements FsiTransaction {

    static final List<String> REFL_TYPES = List.of("1", "2", "3");
    /** R-INS-5: a referral is valid 90 days unless the client says otherwise. */
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;

    private final FilingParties parties;
    private final Institutions institutions;
    private final Diseases diseases;
    private final FilingSerials serials;
    private final JdbcClient jdbc;

    ReferralTransactions(FilingParties parties, Institutions institutions, Diseases diseases, FilingSerials serials, JdbcClient jdbc) {
        this.parties = parties;
        this.institutions = institutions;
        this.diseases = diseases;
        this.serials = serials;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> infnos() {
        return List.of("2501", "2502");
    }

    @Override
    public Object handle(FsiCall call) {
        return "2501".equals(call.infno()) ? refer(call) : cancel(call);
    }

    private Object refer(FsiCall call) {
        FsiNode r = call.input().object("refmedin");
        String psnNo = r.text("psn_no", 30);
        String insutype = r.optText("insutype", 3);
        String toCode = r.text("reflin_medins_no", 30);
        String reflType = r.code("refl_type", REFL_TYPES);
        String diagCode = r.text("diag_code", 30);
        boolean agreed = r.flag("hosp_agre_refl_flag", false);
        LocalDate today = call.now().toLocalDate();
        LocalDate begin = Objects.requireNonNullElse(r.optDate("begndate"), today);
        LocalDate end = Objects.requireNonNullElse(r.optDate("enddate"), begin.plusDays(DEFAULT_DAYS));
        if (begin.isBefore(today.minusDays(30)) || begin.isAfter(today.plusYears(1))) {
            throw FsiRefusal.field("refmedin.begndate", "开始日期 " + begin + " 应在 " + today.minusDays(30) + " 至 " + today.plusYears(1) + " 之间");
        }
        if (end.isBefore(begin)) {
            throw FsiRefusal.field("refmedin.enddate", "结束日期 " + end + " 早于开始日期 " + begin + "；不填则默认开始日期后 " + DEFAULT_DAYS + " 天");
        }
        if (end.isAfter(begin.plusDays(MAX_DAYS))) {
            throw FsiRefusal.field("refmedin.enddate", "有效期最长 " + MAX_DAYS + " 天，结束日期 " + end + " 超过 " + begin.plusDays(MAX_DAYS));
        }
        if (diseases.disease(diagCode).isEmpty()) {
            throw FsiRefusal.field("refmedin.diag_code", "诊断编码 " + diagCode + " 不在医保版 ICD-10 疾病分类中");
        }
        Institution from = parties.medicalCaller(call, "转院备案");
        if (toCode.equals(from.fixmedinsCode())) {
            throw FsiRefusal.field("refmedin.reflin_medins_no", "转入机构不能是本机构（" + toCode + "）；转院备案由转出机构办理，转入机构须是另一家定点医疗机构");
        }
        Institution to = institutions.find(toCode, begin).filter(Institution::designated)
                .orElseThrow(() -> FsiRefusal.field("refmedin.reflin_medins_no", "转入机构 " + toCode + " 不存在或不是定点医疗机构"));
        if ("PHARMACY".equals(to.kind())) {
            throw FsiRefusal.field("refmedin.reflin_medins_no", "转入机构 " + toCode + " 是定点零售药店，只能转往定点医疗机构");
        }
        boolean sameAlliance = from.allianceCode() != null && from.allianceCode().equals(to.allianceCode());
        if (!sameAlliance && !agreed) {
            // R-INS-5: inside an alliance no approval; outside it the hospital's agreement is required.
            throw FsiRefusal.field("refmedin.hosp_agre_refl_flag", "转出机构与转入机构 " + toCode + " 不在同一医联体，医联体外转诊须经医院同意；"
                    + "医院同意后请以 hosp_agre_refl_flag=1 重新备案");
        }
        Person person = parties.person(call, "refmedin", psnNo, insutype, begin);
        String serial = serials.next(FilingSerials.Kind.REFERRAL, person.insuredAdmdvs(), today);
        jdbc.sql("""
                        insert into referral (trt_dcla_detl_sn, psn_no, from_fixmedins_code, to_fixmedins_code, refl_type, diag_code,
                            begndate, enddate, hosp_agre_refl_flag, channel, recorded_at)
                        values (?,?,?,?,?,?,?,?,?,'FSI',?)""")
                .params(serial, psnNo, from.fixmedinsCode(), toCode, reflType, diagCode, begin, end, agreed,
                        Timestamp.from(call.receivedAt()))
                .update();
        return Map.of("result", Map.of("trt_dcla_detl_sn", serial));
    }

    private Object cancel(FsiCall call) {
        FsiNode d = call.input().object("data");
        String serial = d.text("trt_dcla_detl_sn", 30);
        String psnNo = d.text("psn_no", 30);
        String memo = d.optText("memo", 200);
        record Row(long id, String consumedBy, Timestamp cancelledAt) {}
        // Another institution's referral is answered exactly like a missing one.
        Row row = jdbc.sql("select id, consumed_by_mdtrt_id, cancelled_at from referral where trt_dcla_detl_sn = ? and psn_no = ? "
                        + "and from_fixmedins_code = ? for update").params(serial, psnNo, call.fixmedinsCode())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3))).optional()
                .orElseThrow(() -> FsiRefusal.field("data.trt_dcla_detl_sn", "转院备案 " + serial + " 不存在（本机构没有为该人员办理此备案）"));
        if (row.cancelledAt() != null) {
            throw FsiRefusal.field("data.trt_dcla_detl_sn", "转院备案 " + serial + " 已撤销，无需再撤销");
        }
        if (row.consumedBy() != null) {
            throw FsiRefusal.field("data.trt_dcla_detl_sn", "转院备案 " + serial + " 已被转入机构的就诊 " + row.consumedBy()
                    + " 使用，不能撤销；须转入机构先撤销该就诊（门诊 2202，住院 2404）");
        }
        jdbc.sql("update referral set cancelled_at = ?, cancel_memo = ? where id = ?")
                .params(Timestamp.from(call.receivedAt()), memo, row.id()).update();
        return Map.of();
    }
}
