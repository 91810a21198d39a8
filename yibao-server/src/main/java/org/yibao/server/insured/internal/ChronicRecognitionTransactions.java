package org.yibao.server.insured.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.server.catalog.ChronicDisease;
import org.yibao.server.catalog.ChronicDiseases;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.insured.Person;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;
import org.yibao.server.policy.PolicyBook;

/**
 * 2503 人员慢特病备案 / 2504 撤销 (R-INS-3): any designated medical institution (not a pharmacy) records
 * a recognition of a chronic or special disease of the insured region's list, valid at once and used
 * by settlement (med_type 14); only the recognising institution can cancel it.
 */
@Component
class ChronicRecognitionTransactions implements FsiTransaction {

    /** Without an end date a recognition is valid for one year. */
    static final int DEFAULT_YEARS = 1;

    private final FilingParties parties;
    private final Diseases diseases;
    private final ChronicDiseases chronicDiseases;
    private final PolicyBook policies;
    private final FilingSerials serials;
    private final JdbcClient jdbc;

    ChronicRecognitionTransactions(FilingParties parties, Diseases diseases, ChronicDiseases chronicDiseases, PolicyBook policies,
                                   FilingSerials serials, JdbcClient jdbc) {
        this.parties = parties;
        this.diseases = diseases;
        this.chronicDiseases = chronicDiseases;
        this.policies = policies;
        this.serials = serials;
        this.jdbc = jdbc;
    }

    @Override
    public List<String> infnos() {
        return List.of("2503", "2504");
    }

    @Override
    public Object handle(FsiCall call) {
        return "2503".equals(call.infno()) ? recognise(call) : cancel(call);
    }

    private Object recognise(FsiCall call) {
        FsiNode d = call.input().object("data");
        String psnNo = d.text("psn_no", 30);
        String insutype = d.optText("insutype", 3);
        String code = d.text("opsp_dise_code", 30);
        String recogniser = d.optText("ide_fixmedins_no", 30);
        LocalDate today = call.now().toLocalDate();
        LocalDate begin = Objects.requireNonNullElse(d.optDate("begndate"), today);
        LocalDate end = Objects.requireNonNullElse(d.optDate("enddate"), begin.plusYears(DEFAULT_YEARS).minusDays(1));
        if (begin.isBefore(today.minusYears(1)) || begin.isAfter(today.plusYears(1))) {
            throw FsiRefusal.field("data.begndate", "开始日期 " + begin + " 应在 " + today.minusYears(1) + " 至 " + today.plusYears(1) + " 之间");
        }
        if (end.isBefore(begin)) {
            throw FsiRefusal.field("data.enddate", "结束日期 " + end + " 早于开始日期 " + begin + "；不填则默认有效一年");
        }
        parties.medicalCaller(call, "门诊慢特病认定");
        if (recogniser != null && !recogniser.equals(call.fixmedinsCode())) {
            throw FsiRefusal.field("data.ide_fixmedins_no", "认定机构 " + recogniser + " 应为办理备案的本机构 " + call.fixmedinsCode());
        }
        if (diseases.disease(code).isEmpty()) {
            throw FsiRefusal.field("data.opsp_dise_code", "病种编码 " + code + " 不在医保版 ICD-10 疾病分类中");
        }
        Person person = parties.person(call, "data", psnNo, insutype, begin);
        String pooling = policies.poolingRegionOn(person.insuredAdmdvs(), begin);
        ChronicDisease entry = chronicDiseases.entryFor(pooling, code, begin).orElseThrow(() -> FsiRefusal.field("data.opsp_dise_code",
                "病种编码 " + code + " 不属于参保地 " + pooling + " 的门诊慢特病病种；可认定：" + list(pooling, begin)));
        parties.lock("chronic_recognition", psnNo);
        record Held(String from, String to) {}
        jdbc.sql("""
                        select begin_date::text, end_date::text from chronic_recognition
                        where psn_no = ? and dise_key = ? and cancelled_at is null and begin_date <= ? and end_date >= ?
                        order by begin_date limit 1""")
                .params(psnNo, entry.diseKey(), end, begin).query((rs, n) -> new Held(rs.getString(1), rs.getString(2))).optional()
                .ifPresent(h -> {
                    throw FsiRefusal.field("data.opsp_dise_code", "人员 " + psnNo + " 已有有效的 " + entry.diseKey() + " " + entry.name()
                            + " 门诊慢特病认定（" + h.from() + " 至 " + h.to() + "），不能重复认定；如需更改请由认定机构先撤销（2504）");
                });
        String serial = serials.next(FilingSerials.Kind.CHRONIC_RECOGNITION, person.insuredAdmdvs(), today);
        jdbc.sql("""
                        insert into chronic_recognition (psn_no, dise_key, dise_codg, fixmedins_code, begin_date, end_date, recorded_at,
                            trt_dcla_detl_sn, channel)
                        values (?,?,?,?,?,?,?,?,'FSI')""")
                .params(psnNo, entry.diseKey(), code, call.fixmedinsCode(), begin, end, Timestamp.from(call.receivedAt()), serial)
                .update();
        return Map.of("result", Map.of("trt_dcla_detl_sn", serial));
    }

    private String list(String pooling, LocalDate date) {
        List<ChronicDisease> entries = chronicDiseases.search(pooling, null, date, 0, 100).items();
        return entries.isEmpty() ? "（无）" : entries.stream().map(e -> e.diseKey() + " " + e.name()).collect(Collectors.joining("、"));
    }

    private Object cancel(FsiCall call) {
        FsiNode d = call.input().object("data");
        String serial = d.text("trt_dcla_detl_sn", 30);
        String psnNo = d.text("psn_no", 30);
        String memo = d.optText("memo", 200);
        // Another institution's recognition is answered exactly like a missing one.
        Timestamp cancelled = jdbc.sql("select cancelled_at from chronic_recognition where trt_dcla_detl_sn = ? and psn_no = ? "
                        + "and fixmedins_code = ? for update").params(serial, psnNo, call.fixmedinsCode())
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1))).optional()
                .orElseThrow(() -> FsiRefusal.field("data.trt_dcla_detl_sn", "慢特病备案 " + serial + " 不存在（本机构没有为该人员办理此备案）"))
                .orElse(null);
        if (cancelled != null) {
            throw FsiRefusal.field("data.trt_dcla_detl_sn", "慢特病备案 " + serial + " 已撤销，无需再撤销");
        }
        jdbc.sql("update chronic_recognition set cancelled_at = ?, cancel_memo = ? where trt_dcla_detl_sn = ?")
                .params(Timestamp.from(call.receivedAt()), memo, serial).update();
        return Map.of();
    }
}
