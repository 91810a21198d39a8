package org.yibao.server.settlement.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.insured.ElectronicCredentials;
import org.yibao.server.insured.Person;
import org.yibao.server.insured.SettlementFacts;
import org.yibao.server.platform.db.Pipeline;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiOutput;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;

/**
 * The visit life cycle (NATIONAL_INTERFACE §3, DOMAIN §4): 2201/2202 outpatient registration and its
 * cancellation, 2203/2203A visit information; 2401 admission, 2402 discharge, 2403 change, 2404/2405
 * cancelling admission or discharge. Out-of-order calls are refused with what is expected instead.
 */
@Component
class VisitTransactions implements FsiTransaction {

    static final Set<String> INPATIENT_MED_TYPES = Set.of("21", "22", "24", "52");
    static final Set<String> CERT_TYPES = Set.of("01", "02", "03");
    /** refl_type (NATIONAL_INTERFACE, demo-local codes) as the reply names it. */
    private static final Map<String, String> REFERRAL_KINDS = Map.of("1", "上转住院", "2", "下转康复", "3", "上转门诊");

    private final Visits visits;
    private final FeeLines feeLines;
    private final Settler settler;
    private final Diseases diseases;
    private final JdbcClient jdbc;
    private final ElectronicCredentials credentials;

    VisitTransactions(Visits visits, FeeLines feeLines, Settler settler, Diseases diseases, JdbcClient jdbc,
                      ElectronicCredentials credentials) {
        this.visits = visits;
        this.feeLines = feeLines;
        this.settler = settler;
        this.diseases = diseases;
        this.jdbc = jdbc;
        this.credentials = credentials;
    }

    @Override
    public List<String> infnos() {
        return List.of("2201", "2202", "2203", "2203A", "2401", "2402", "2403", "2404", "2405");
    }

    @Override
    public Object handle(FsiCall call) {
        return switch (call.infno()) {
            case "2201" -> register(call);
            case "2202" -> cancelRegistration(call);
            case "2203", "2203A" -> visitInfo(call);
            case "2401" -> admit(call);
            case "2402" -> discharge(call);
            case "2403" -> changeAdmission(call);
            case "2404" -> cancelAdmission(call);
            case "2405" -> cancelDischarge(call);
            default -> throw new IllegalArgumentException(call.infno());
        };
    }

    private void checkTime(FsiCall call, LocalDateTime time, String path) {
        if (time.isAfter(call.now().plusDays(1))) {
            throw FsiRefusal.field(path, "时间 " + time.format(Settler.TIME) + " 晚于当前时间");
        }
        if (time.isBefore(call.now().minusYears(2))) {
            throw FsiRefusal.field(path, "时间 " + time.format(Settler.TIME) + " 早于两年前，不能再办理");
        }
    }

    /** R-INS-7: an electronic credential (01) must name the person registered and still be valid. */
    private void checkCredential(FsiCall call, String certType, String certNo, String psnNo, LocalDateTime time, String path) {
        if ("01".equals(certType) && !credentials.holder(certNo, call.receivedAt(), time.toLocalDate())
                .map(Person::personNo).filter(psnNo::equals).isPresent()) {
            throw FsiRefusal.field(path + ".mdtrt_cert_no", "医保电子凭证无效、已过期或不属于人员 " + psnNo);
        }
    }

    private Object register(FsiCall call) {
        FsiNode data = call.input().object("data");
        String psnNo = data.text("psn_no", 30);
        String insutype = data.text("insutype", 3);
        LocalDateTime begntime = data.time("begntime");
        checkTime(call, begntime, "data.begntime");
        String certType = data.code("mdtrt_cert_type", CERT_TYPES);
        String certNo = data.text("mdtrt_cert_no", 100);
        String iptOtpNo = data.text("ipt_otp_no", 30);
        checkCredential(call, certType, certNo, psnNo, begntime, "data");
        String mdtrtId = visits.newId(call.institutionAdmdvs());
        // The referral is consumed in the same round trip as the person's facts are read (a refusal below rolls it
        // back), and the visit row goes with the reply row and the commit: two round trips for the registration.
        LocalDate day = begntime.toLocalDate();
        var read = settler.withFacts(consumeReferralQuery(call, psnNo, mdtrtId, begntime, Set.of("2", "3")), psnNo, day, day, day);
        SettlementFacts facts = settler.checked(call, read.second(), psnNo, day, "data");
        Settler.checkInsutype(facts, insutype, "data");
        visits.insertAsLastWrite(mdtrtId, call, psnNo, insutype, facts.person().insuredAdmdvs(), Visits.Kind.OUTPATIENT,
                Visits.Status.REGISTERED, begntime, iptOtpNo, certType, certNo, data.optText("atddr_no", 30),
                data.optText("dr_name", 50), data.optText("dept_code", 30), data.optText("dept_name", 100));
        String referral = read.first().orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mdtrt_id", mdtrtId);
        out.put("psn_no", psnNo);
        out.put("ipt_otp_no", iptOtpNo);
        return FsiOutput.of(Map.of("data", out), referral);
    }

    private Object cancelRegistration(FsiCall call) {
        FsiNode data = call.input().object("data");
        Visits.Visit visit = visits.lockOwn(call, data.text("mdtrt_id", 30), data.text("psn_no", 30), "data");
        requireKind(visit, Visits.Kind.OUTPATIENT);
        requireStatus(visit, Set.of(Visits.Status.REGISTERED), "撤销挂号", "已结算的就诊须先撤销结算（2208）");
        cancel(call, visit);
        return Map.of();
    }

    private void cancel(FsiCall call, Visits.Visit visit) {
        feeLines.cancel(visit.mdtrtId(), null, null, null);
        visits.status(visit.mdtrtId(), Visits.Status.CANCELLED, call.receivedAt());
        // R-INS-5: cancelling the visit frees the referral it consumed.
        jdbc.sql("update referral set consumed_by_mdtrt_id = null where consumed_by_mdtrt_id = ?").param(visit.mdtrtId()).update();
    }

    private Object visitInfo(FsiCall call) {
        FsiNode info = call.input().object("mdtrtinfo");
        Visits.Visit visit = visits.lockOwn(call, info.text("mdtrt_id", 30), info.text("psn_no", 30), "mdtrtinfo");
        requireKind(visit, Visits.Kind.OUTPATIENT);
        requireStatus(visit, Set.of(Visits.Status.REGISTERED), "上传就诊信息", "已结算的就诊须先撤销结算（2208）");
        String medType = info.code("med_type", SettlementTransactions.OUTPATIENT_MED_TYPES);
        LocalDateTime begntime = info.optTime("begntime");
        String diseCodg = disease(info, "dise_codg", false);
        List<Visits.Diagnosis> diagnoses = diagnoses(call.input(), "diseinfo");
        visits.visitInfo(visit.mdtrtId(), medType, begntime, diseCodg, info.optText("dise_name", 200),
                json(info, "main_cond_dscr", "birctrl_type", "birctrl_matn_date", "matn_type", "geso_val"), call.receivedAt());
        if (!diagnoses.isEmpty()) {
            visits.diagnoses(visit.mdtrtId(), "VISIT", diagnoses);
        }
        return Map.of();
    }

    private Object admit(FsiCall call) {
        FsiNode info = call.input().object("mdtrtinfo");
        String psnNo = info.text("psn_no", 30);
        String insutype = info.text("insutype", 3);
        LocalDateTime begntime = info.time("begntime");
        checkTime(call, begntime, "mdtrtinfo.begntime");
        String certType = info.code("mdtrt_cert_type", CERT_TYPES);
        String certNo = info.text("mdtrt_cert_no", 100);
        String medType = info.code("med_type", INPATIENT_MED_TYPES);
        String iptNo = info.text("ipt_no", 30);
        String diseCodg = disease(info, "dise_codg", false);
        List<Visits.Diagnosis> diagnoses = diagnoses(call.input(), "diseinfo");
        checkCredential(call, certType, certNo, psnNo, begntime, "mdtrtinfo");
        SettlementFacts facts = settler.facts(call, psnNo, begntime.toLocalDate(), "mdtrtinfo");
        Settler.checkInsutype(facts, insutype, "mdtrtinfo");
        // Serialise admissions of one person, then refuse a second open stay.
        settler.lock(List.of(psnNo));
        visits.openAdmission(psnNo).ifPresent(open -> {
            throw FsiRefusal.field("mdtrtinfo.psn_no", "人员 " + psnNo + " 已有未结算的住院 " + open + "，请先办理出院结算或撤销入院（2404）");
        });
        String mdtrtId = visits.newId(call.institutionAdmdvs());
        visits.insert(mdtrtId, call, psnNo, insutype, facts.person().insuredAdmdvs(), Visits.Kind.INPATIENT, Visits.Status.ADMITTED,
                medType, begntime, iptNo, certType, certNo, diseCodg, info.optText("dise_name", 200), info.optText("atddr_no", 30),
                info.optText("chfpdr_name", 50), info.optText("adm_dept_codg", 30), info.optText("adm_dept_name", 100),
                json(info, "adm_diag_dscr", "adm_bed", "main_cond_dscr", "dscg_maindiag_code", "dscg_maindiag_name"));
        if (!diagnoses.isEmpty()) {
            visits.diagnoses(mdtrtId, "ADMISSION", diagnoses);
        }
        String referral = consumeReferral(call, psnNo, mdtrtId, begntime, Set.of("1", "2"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mdtrt_id", mdtrtId);
        // R-INS-6: 特困 and 低保 persons are admitted without a deposit.
        String waiver = facts.identities().contains("2101") ? "特困人员" : facts.identities().contains("2102") ? "低保对象" : null;
        result.put("dpst_waiv_flag", waiver != null ? "1" : "0");
        String warning = waiver == null ? referral
                : "参保人为" + waiver + "，免收住院押金（一站式结算，出院时只付个人负担部分）" + (referral == null ? "" : "；" + referral);
        return FsiOutput.of(Map.of("result", result), warning);
    }

    /**
     * R-INS-5: the first admission or registration of the kind at the receiving institution consumes a
     * valid referral; returns what the reply's {@code warn_msg} tells the HIS, null when none was used.
     */
    private String consumeReferral(FsiCall call, String psnNo, String mdtrtId, LocalDateTime time, Set<String> kinds) {
        return consumeReferralQuery(call, psnNo, mdtrtId, time, kinds).run(jdbc).orElse(null);
    }

    /** The statement of {@link #consumeReferral}, for a caller that sends it with other queries. */
    private static Pipeline.Query<Optional<String>> consumeReferralQuery(FsiCall call, String psnNo, String mdtrtId, LocalDateTime time,
                                                                        Set<String> kinds) {
        return Pipeline.Query.of("""
                        update referral set consumed_by_mdtrt_id = ?
                        where id = (select id from referral
                                    where psn_no = ? and to_fixmedins_code = ? and refl_type = any(?) and cancelled_at is null
                                      and consumed_by_mdtrt_id is null and begndate <= ? and enddate >= ?
                                    order by begndate, id limit 1)
                        returning trt_dcla_detl_sn, from_fixmedins_code, refl_type""",
                rs -> rs.next() ? Optional.of("已使用 " + rs.getString(2) + " 办理的转诊备案 " + rs.getString(1) + "（"
                        + REFERRAL_KINDS.get(rs.getString(3)) + "），本次就诊按转诊结算；撤销本次就诊将释放该备案") : Optional.<String>empty(),
                mdtrtId, psnNo, call.fixmedinsCode(), kinds.toArray(String[]::new), time.toLocalDate(), time.toLocalDate());
    }

    private Object discharge(FsiCall call) {
        FsiNode info = call.input().object("dscginfo");
        Visits.Visit visit = visits.lockOwn(call, info.text("mdtrt_id", 30), info.text("psn_no", 30), "dscginfo");
        requireKind(visit, Visits.Kind.INPATIENT);
        requireStatus(visit, Set.of(Visits.Status.ADMITTED), "办理出院", "已出院的请先撤销出院（2405）");
        LocalDateTime endtime = info.time("endtime");
        checkTime(call, endtime, "dscginfo.endtime");
        if (endtime.isBefore(visit.begntime())) {
            throw FsiRefusal.field("dscginfo.endtime", "出院时间 " + endtime.format(Settler.TIME) + " 早于入院时间 "
                    + visit.begntime().format(Settler.TIME));
        }
        String diseCodg = disease(info, "dise_codg", false);
        String dscgWay = info.optText("dscg_way", 2);
        List<Visits.Diagnosis> diagnoses = diagnoses(call.input(), "diseinfo");
        visits.discharge(visit.mdtrtId(), endtime, diseCodg, info.optText("dise_name", 200), dscgWay,
                json(info, "oprn_oprt_code", "oprn_oprt_name", "dscg_dept_codg", "dscg_dept_name", "dscg_bed", "die_date"),
                call.receivedAt());
        if (!diagnoses.isEmpty()) {
            visits.diagnoses(visit.mdtrtId(), "DISCHARGE", diagnoses);
        }
        return Map.of();
    }

    private Object changeAdmission(FsiCall call) {
        FsiNode info = call.input().object("adminfo");
        Visits.Visit visit = visits.lockOwn(call, info.text("mdtrt_id", 30), info.text("psn_no", 30), "adminfo");
        requireKind(visit, Visits.Kind.INPATIENT);
        requireStatus(visit, Set.of(Visits.Status.ADMITTED, Visits.Status.DISCHARGED), "变更住院信息", "已结算的住院须先撤销结算（2305）");
        String medType = info.optCode("med_type", INPATIENT_MED_TYPES);
        LocalDateTime begntime = info.optTime("begntime");
        if (begntime != null) {
            checkTime(call, begntime, "adminfo.begntime");
        }
        visits.visitInfo(visit.mdtrtId(), medType, begntime, disease(info, "dise_codg", false), info.optText("dise_name", 200),
                json(info, "adm_diag_dscr", "adm_bed", "adm_dept_codg", "adm_dept_name", "atddr_no", "chfpdr_name"),
                call.receivedAt());
        return Map.of();
    }

    private Object cancelAdmission(FsiCall call) {
        FsiNode data = call.input().object("data");
        Visits.Visit visit = visits.lockOwn(call, data.text("mdtrt_id", 30), data.text("psn_no", 30), "data");
        requireKind(visit, Visits.Kind.INPATIENT);
        requireStatus(visit, Set.of(Visits.Status.ADMITTED), "撤销入院", "已出院的请先撤销出院（2405），已结算的先撤销结算（2305）");
        boolean settled = jdbc.sql("select exists (select 1 from settlement where mdtrt_id = ? and reverses_setl_id is null and reversed_by is null)")
                .param(visit.mdtrtId()).query(Boolean.class).single();
        if (settled) {
            throw FsiRefusal.field("data.mdtrt_id", "住院 " + visit.mdtrtId() + " 有未撤销的中途结算，请先撤销结算（2305）");
        }
        cancel(call, visit);
        return Map.of();
    }

    private Object cancelDischarge(FsiCall call) {
        FsiNode data = call.input().object("data");
        Visits.Visit visit = visits.lockOwn(call, data.text("mdtrt_id", 30), data.text("psn_no", 30), "data");
        requireKind(visit, Visits.Kind.INPATIENT);
        requireStatus(visit, Set.of(Visits.Status.DISCHARGED), "撤销出院", "已结算的住院须先撤销结算（2305）");
        visits.undoDischarge(visit.mdtrtId(), call.receivedAt());
        return Map.of();
    }

    private static void requireKind(Visits.Visit visit, Visits.Kind kind) {
        if (visit.kind() != kind) {
            throw FsiRefusal.field("mdtrt_id", "就诊 " + visit.mdtrtId() + " 是" + (visit.kind() == Visits.Kind.INPATIENT ? "住院" : "门诊")
                    + "就诊，本交易只适用于" + (kind == Visits.Kind.INPATIENT ? "住院" : "门诊"));
        }
    }

    private static final Map<Visits.Status, String> STATUS_NAMES = Map.of(Visits.Status.REGISTERED, "已挂号",
            Visits.Status.ADMITTED, "在院", Visits.Status.DISCHARGED, "已出院", Visits.Status.SETTLED, "已结算",
            Visits.Status.CANCELLED, "已撤销");

    private static void requireStatus(Visits.Visit visit, Set<Visits.Status> allowed, String action, String hint) {
        if (!allowed.contains(visit.status())) {
            throw FsiRefusal.field("mdtrt_id", "就诊 " + visit.mdtrtId() + " 状态为" + STATUS_NAMES.get(visit.status()) + "，不能"
                    + action + "；" + hint);
        }
    }

    private String disease(FsiNode node, String field, boolean required) {
        String code = required ? node.text(field, 30) : node.optText(field, 30);
        if (code != null && diseases.disease(code).isEmpty()) {
            throw FsiRefusal.field(node.path() + "." + field, "诊断编码 " + code + " 不在医保版 ICD-10 疾病分类中");
        }
        return code;
    }

    private List<Visits.Diagnosis> diagnoses(FsiNode input, String name) {
        List<Visits.Diagnosis> list = new ArrayList<>();
        for (FsiNode d : input.array(name, false, 50)) {
            String code = d.text("diag_code", 30);
            if (diseases.disease(code).isEmpty()) {
                throw FsiRefusal.field(d.path() + ".diag_code", "诊断编码 " + code + " 不在医保版 ICD-10 疾病分类中");
            }
            list.add(new Visits.Diagnosis(d.optText("diag_type", 3), d.optInt("diag_srt_no", 0, 999), code,
                    d.optText("diag_name", 200), d.flag("maindiag_flag", list.isEmpty())));
        }
        return list;
    }

    /** The optional fields kept as sent, as a JSON object text. */
    private static String json(FsiNode node, String... fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : fields) {
            String v = node.optText(f, 200);
            if (v != null) {
                m.put(f, v);
            }
        }
        if (m.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("{");
        m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return sb.append('}').toString();
    }

    static Timestamp ts(java.time.Instant i) {
        return Timestamp.from(i);
    }
}
