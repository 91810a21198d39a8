package org.yibao.server.payment.internal;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.yibao.engine.caserecord.QualityReport;
import org.yibao.server.catalog.Diseases;
import org.yibao.server.platform.fsi.FsiCall;
import org.yibao.server.platform.fsi.FsiNode;
import org.yibao.server.platform.fsi.FsiRefusal;
import org.yibao.server.platform.fsi.FsiTransaction;
import tools.jackson.databind.json.JsonMapper;

/**
 * 4101 / 4101A 医疗保障基金结算清单信息上传 (NATIONAL_INTERFACE §3): the case record of a stay, kept as
 * sent for DRG/DIP grouping (issue 8), after the checks an HIS coder can act on: the visit is the
 * caller's and the person's, exactly one main diagnosis, every diagnosis and procedure code known.
 * A later upload for the same visit replaces the earlier one.
 *
 * <p>R-PAY-4: the stored record is then checked by case-record quality control with the grouper version of
 * the institution's pooling region. A finding refuses nothing (the HIS cannot always fix a record at once):
 * the record is stored with its result, and the reply lists every finding ({@code qcinfo[]}: rule, 阻断 or
 * 提示, field, value, what to do) so that a coder can act. A record with a blocking finding is paid by items
 * until a corrected 4101A arrives ({@code DrgPayments}).
 */
@Component
class CaseRecordTransaction implements FsiTransaction {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private final Diseases diseases;
    private final DrgSetup drg;

    CaseRecordTransaction(JdbcClient jdbc, Diseases diseases, DrgSetup drg) {
        this.jdbc = jdbc;
        this.diseases = diseases;
        this.drg = drg;
    }

    @Override
    public List<String> infnos() {
        return List.of("4101", "4101A");
    }

    @Override
    public Object handle(FsiCall call) {
        FsiNode setl = call.input().object("setlinfo");
        String psnNo = setl.text("psn_no", 30);
        String mdtrtId = setl.text("mdtrt_id", 30);
        String setlId = setl.optText("setl_id", 30);
        setl.optTime("adm_time");
        setl.optTime("dscg_time");
        setl.optInt("act_ipt_days", 0, 3650);
        setl.optText("dscg_way", 2);
        // Fields quality control reads: a malformed one is refused with its path (a missing one is QC's finding).
        setl.optText("gend", 6);
        setl.optDate("brdy");
        setl.optInt("age", 0, 150);
        setl.optInt("nwb_bir_wt", 0, 99_999);
        boolean own = jdbc.sql("select exists (select 1 from visit where mdtrt_id = ? and fixmedins_code = ? and psn_no = ?)")
                .params(mdtrtId, call.fixmedinsCode(), psnNo).query(Boolean.class).single();
        if (!own) {
            throw FsiRefusal.field("setlinfo.mdtrt_id", "就诊 " + mdtrtId + " 不存在或不属于本机构的人员 " + psnNo);
        }
        List<FsiNode> dise = call.input().array("diseinfo", true, 50);
        int main = 0;
        for (FsiNode d : dise) {
            String code = d.text("diag_code", 30);
            if (diseases.disease(code).isEmpty()) {
                throw FsiRefusal.field(d.path() + ".diag_code", "诊断编码 " + code + " 不在医保版 ICD-10 中，请按医保版编码");
            }
            if (d.flag("maindiag_flag", false)) {
                main++;
            }
        }
        if (main != 1) {
            throw FsiRefusal.field("diseinfo", "须有且只有一个主要诊断（maindiag_flag=1），收到 " + main + " 个");
        }
        for (FsiNode o : call.input().array("oprninfo", false, 50)) {
            String code = o.text("oprn_oprt_code", 30);
            o.optTime("oprn_oprt_begntime");
            o.optTime("oprn_oprt_endtime");
            if (diseases.procedure(code).isEmpty()) {
                throw FsiRefusal.field(o.path() + ".oprn_oprt_code", "手术操作编码 " + code + " 不在医保版 ICD-9-CM-3 中，请按医保版编码");
            }
        }
        if (setlId != null && !jdbc.sql("select exists (select 1 from settlement where setl_id = ? and mdtrt_id = ?)")
                .params(setlId, mdtrtId).query(Boolean.class).single()) {
            throw FsiRefusal.field("setlinfo.setl_id", "结算 " + setlId + " 不属于就诊 " + mdtrtId);
        }
        String record = JSON.writeValueAsString(call.input().json());
        QualityReport qc = drg.qualityControl(call.institutionPooling()).check(CaseRecordJson.read(call.input().json()));
        List<Map<String, Object>> qcinfo = CaseRecordJson.findings(qc);
        jdbc.sql("""
                        insert into case_record (mdtrt_id, setl_id, psn_no, fixmedins_code, infno, record, uploaded_at, uploaded_msgid,
                            qc_blocking, qc_findings)
                        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, cast(? as jsonb))
                        on conflict (mdtrt_id) do update set setl_id = excluded.setl_id, infno = excluded.infno, record = excluded.record,
                            uploaded_at = excluded.uploaded_at, uploaded_msgid = excluded.uploaded_msgid, qc_blocking = excluded.qc_blocking,
                            qc_findings = excluded.qc_findings""")
                .params(mdtrtId, setlId, psnNo, call.fixmedinsCode(), call.infno(), record, Timestamp.from(call.receivedAt()), call.msgid(),
                        qc.blocking(), JSON.writeValueAsString(qcinfo))
                .update();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mdtrt_id", mdtrtId);
        out.put("setl_list_id", mdtrtId);
        // R-PAY-4: 0 passed, 1 warnings only, 2 blocking (paid by items until corrected by 4101A).
        out.put("qc_rslt", qc.blocking() ? "2" : qcinfo.isEmpty() ? "0" : "1");
        out.put("qcinfo", qcinfo);
        return out;
    }
}
